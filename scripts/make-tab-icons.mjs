/** Draws the four tab-bar icons (81×81 PNG, grey and red) into src/assets. Run once; output is committed. */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
const COLORS = { off: [122, 126, 131], on: [200, 22, 29] };

function crc32(buf) {
  let c,
    crc = 0xffffffff;
  for (const byte of buf) {
    c = (crc ^ byte) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(inside, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      // 3×3 supersampling for smooth edges
      let hits = 0;
      for (let sy = 0; sy < 3; sy++) for (let sx = 0; sx < 3; sx++) hits += inside(x + (sx + 0.5) / 3, y + (sy + 0.5) / 3) ? 1 : 0;
      row.set([r, g, b, Math.round((hits / 9) * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const ring = (cx, cy, r1, r2) => (x, y) => {
  const d = Math.hypot(x - cx, y - cy);
  return d >= r1 && d <= r2;
};
const rect = (x0, y0, x1, y1) => (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const any =
  (...shapes) =>
  (x, y) =>
    shapes.some((s) => s(x, y));
const frame = (x0, y0, x1, y1, w) => (x, y) => rect(x0, y0, x1, y1)(x, y) && !rect(x0 + w, y0 + w, x1 - w, y1 - w)(x, y);

const ICONS = {
  // 动态: a house
  home: any(
    (x, y) => y >= 14 && y <= 40 && Math.abs(x - 40.5) <= (y - 14) * 1.05 && Math.abs(x - 40.5) >= (y - 14) * 1.05 - 7,
    frame(20, 38, 61, 68, 6),
    rect(35, 50, 46, 68),
  ),
  // 榜单: a flag on a pole
  board: any(rect(20, 12, 26, 70), (x, y) => x >= 26 && x <= 62 && y >= 14 && y <= 42 && !(x > 50 && Math.abs(y - 28) < (x - 50) * 0.9)),
  // 打卡: a notepad with a tick
  progress: any(
    frame(16, 12, 65, 70, 6),
    (x, y) => Math.abs(y - 48 + (x - 36)) < 4 && x > 26 && x < 37,
    (x, y) => Math.abs(y - 48 - (x - 36) * 1.3) < 4.5 && x > 35 && x < 55,
  ),
};
// 我的: a person (head and shoulders)
ICONS.me = any(ring(40.5, 28, 9, 16), (x, y) => {
  const outer = Math.hypot((x - 40.5) / 27, (y - 72) / 24) <= 1;
  const inner = Math.hypot((x - 40.5) / 20, (y - 72) / 17) <= 1;
  return y <= 70 && outer && !inner;
});

for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(`src/assets/tab-${name}.png`, png(shape, COLORS.off));
  writeFileSync(`src/assets/tab-${name}-on.png`, png(shape, COLORS.on));
}
console.log('tab icons written to src/assets');
