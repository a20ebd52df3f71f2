/**
 * The phone's position for event sign-in, H5 build (Taro picks location.weapp.ts for the mini
 * program). Browsers only give WGS-84; the local demo sets event places from the same source.
 */
import Taro from '@tarojs/taro';
import { failure, type Result } from '@core/errors';

export type Fix = { lat: number; lng: number; accuracy: number };

export async function currentFix(): Promise<Result<Fix>> {
  try {
    const res = await Taro.getLocation({ type: 'wgs84', isHighAccuracy: true, highAccuracyExpireTime: 5000 });
    return { ok: true, data: { lat: res.latitude, lng: res.longitude, accuracy: Math.round(res.accuracy) } };
  } catch {
    return failure('INVALID_INPUT', '无法获取位置，请在浏览器设置中允许定位后重试');
  }
}
