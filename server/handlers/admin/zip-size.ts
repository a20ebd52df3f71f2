/**
 * What a ZIP package (an .xlsx) would unpack to, read from its central directory without unpacking
 * anything: a small file that claims gigabytes (a zip bomb) is refused before any parser sees it.
 * Null when the bytes are not a readable ZIP (or use ZIP64, which no sheet of ours needs).
 */
const EOCD = 0x06054b50;
const ENTRY = 0x02014b50;

export function unpackedSize(bytes: Buffer): number | null {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let at = bytes.length - 22; at >= earliest; at -= 1) {
    if (bytes.readUInt32LE(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  let total = 0;
  for (let index = 0; index < entries; index += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== ENTRY) return null;
    const size = bytes.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + bytes.readUInt16LE(at + 28) + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  return total;
}
