import { View } from '@tarojs/components';
import './index.scss';

export type QrCodeProps = {
  /** One string of 0/1 per row, as the server draws it. */
  modules: string[];
  /** Width of the whole code in px (design width 375). */
  size: number;
};

/** Draws a QR code from its modules with plain views: no canvas, no QR library in the app. */
export function QrCode({ modules, size }: QrCodeProps) {
  const cell = size / (modules.length + 4);
  return (
    <View className='kc-qr' style={{ padding: `${cell * 2}px`, width: `${size}px` }}>
      {modules.map((row, r) => (
        <View key={r} className='kc-qr__row' style={{ height: `${cell}px` }}>
          {[...row].map((dark, c) => (
            <View
              key={c}
              className={dark === '1' ? 'kc-qr__cell kc-qr__cell--dark' : 'kc-qr__cell'}
              style={{ width: `${cell}px`, height: `${cell}px` }}
            />
          ))}
        </View>
      ))}
    </View>
  );
}
