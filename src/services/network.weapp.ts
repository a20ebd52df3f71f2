import Taro from '@tarojs/taro';

/** The mini program: WeChat's network status events; calls back when a connection comes back. */
export function onReconnect(callback: () => void): () => void {
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) callback();
  };
  Taro.onNetworkStatusChange(listener);
  return () => Taro.offNetworkStatusChange(listener);
}
