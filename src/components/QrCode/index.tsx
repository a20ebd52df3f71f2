import { View } from '@tarojs/components';
import './index.scss';

export type QrCodeProps = {
  /** One string of 0/1 per row, as the server draws it. */
  modules: string[];
  /** Width of the whole code in px (design width 375). */
  size: number;
};

/** The dark runs of one row, as [first module, how many]: one view a run, not one a module. */
export function darkRuns(row: string): [number, number][] {
  const runs: [number, number][] = [];
  for (let start = row.indexOf('1'); start >= 0;) {
    let end = start;
    while (row[end] === '1') end += 1;
    runs.push([start, end - start]);
    start = row.indexOf('1', end);
  }
  return runs;
}

/**
 * Draws a QR code from its modules with plain views: no canvas, no QR library in the app. Each dark
 * run is one view, keeping the page far below WeChat's node budget and each 10 s refresh small.
 */
export function QrCode({ modules, size }: QrCodeProps) {
  const cell = size / (modules.length + 4);
  return (
    <View className='kc-qr' style={{ padding: `${cell * 2}px`, width: `${size}px` }} aria-label='签到二维码'>
      {modules.map((row, r) => (
        <View key={r} className='kc-qr__row' style={{ height: `${cell}px` }}>
          {darkRuns(row).map(([start, length]) => (
            <View key={start} className='kc-qr__run' style={{ left: `${start * cell}px`, width: `${length * cell}px` }} />
          ))}
        </View>
      ))}
    </View>
  );
}
