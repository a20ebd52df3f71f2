/** A fresh id for one user intention (one form), so retries and double taps are applied once. */
export function newRequestId(): string {
  const random = Math.random().toString(36).slice(2, 10).padEnd(8, '0');
  return `${Date.now().toString(36)}-${random}`;
}
