/**
 * Work started before it is needed (a read or a content check run alongside others) and awaited
 * later. If the action ends before awaiting it (a refusal, a replayed request), its failure must
 * not surface as an unhandled rejection, which would take the function instance down.
 */
export function early<T>(work: Promise<T>): Promise<T> {
  work.catch(() => undefined);
  return work;
}
