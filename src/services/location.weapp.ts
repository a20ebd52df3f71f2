/** The phone's position for event sign-in in the mini program: gcj02 (docs/architecture.md, platform details), accuracy kept. */
import Taro from '@tarojs/taro';
import { failure, type Result } from '@core/errors';

export type Fix = { lat: number; lng: number; accuracy: number };

export async function currentFix(): Promise<Result<Fix>> {
  try {
    const res = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 5000 });
    return { ok: true, data: { lat: res.latitude, lng: res.longitude, accuracy: Math.round(res.accuracy) } };
  } catch {
    return failure('INVALID_INPUT', '无法获取位置：请在「设置 → 位置信息」中允许小程序使用位置后重试');
  }
}
