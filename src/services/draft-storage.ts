/** Forms kept on the phone as they are typed, so a reload or a closed app loses nothing (cleared on success). */
import Taro from '@tarojs/taro';

const keyOf = (name: string) => `kc.draft.${name}`;

export function loadStored<T>(name: string): T | null {
  try {
    const stored: unknown = Taro.getStorageSync(keyOf(name));
    return stored && typeof stored === 'object' ? (stored as T) : null;
  } catch {
    return null;
  }
}

export function saveStored<T>(name: string, value: T): void {
  try {
    Taro.setStorageSync(keyOf(name), value);
  } catch {
    // Storage full or unavailable: the form still works, it just is not kept.
  }
}

export function clearStored(name: string): void {
  Taro.removeStorageSync(keyOf(name));
}
