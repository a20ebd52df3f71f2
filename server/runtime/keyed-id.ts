/**
 * A document id derived from what makes a write unique (the caller and their request id, or a file
 * and a row), so a retried or doubled request names the same document and writes it once.
 */
import { createHash } from 'node:crypto';

export function keyedId(prefix: string, ...parts: string[]): string {
  return `${prefix}${createHash('sha1').update(parts.join(':')).digest('hex').slice(0, 20)}`;
}
