/**
 * Where a stored file can be shown from. Cloud file ids (cloud://) are displayed by the mini
 * program's <Image> directly; the local cloud's (local://) are served by the local host.
 */
export function fileUrl(fileId: string): string {
  if (!fileId) return '';
  return fileId.startsWith('local://') ? `/storage/${fileId.slice('local://'.length)}` : fileId;
}
