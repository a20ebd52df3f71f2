/** H5: the browser's own online event (Taro H5's onNetworkStatusChange needs navigator.connection). */
export function onReconnect(callback: () => void): () => void {
  window.addEventListener('online', callback);
  return () => window.removeEventListener('online', callback);
}
