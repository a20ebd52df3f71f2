/**
 * What an uploaded file is, from its first bytes (magic numbers), never from the type the
 * client declared. Only the kinds local storage accepts are recognised.
 */
export type FileKind = { mime: string; ext: string };

const KINDS: { mime: string; ext: string; matches: (bytes: Buffer) => boolean }[] = [
  {
    mime: 'image/png',
    ext: '.png',
    matches: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', ext: '.jpg', matches: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'image/gif', ext: '.gif', matches: (b) => ['GIF87a', 'GIF89a'].includes(b.subarray(0, 6).toString('latin1')) },
  {
    mime: 'image/webp',
    ext: '.webp',
    matches: (b) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'application/pdf', ext: '.pdf', matches: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  // An .xlsx is a ZIP package; whether it is really a workbook is for the reader (exceljs) to say.
  {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ext: '.xlsx',
    matches: (b) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])),
  },
];

export function sniff(bytes: Buffer): FileKind | null {
  const kind = KINDS.find((candidate) => candidate.matches(bytes));
  return kind ? { mime: kind.mime, ext: kind.ext } : null;
}

/** The declared content type, normalised; '' when the client said nothing useful. */
export function declaredType(header: string | undefined): string {
  const type = (header ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'image/jpg') return 'image/jpeg';
  return type === 'application/octet-stream' ? '' : type;
}
