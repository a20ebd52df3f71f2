import { randomBytes } from 'node:crypto';
import type { AuditEntry } from '../../core/types';
import type { Database, Transaction } from '../db/types';

/** Record a state change. Pass the transaction so the entry commits (or not) with the change. */
export function audit(writer: Database | Transaction, entry: AuditEntry): Promise<unknown> {
  const id = `${entry.at.toString(36)}${randomBytes(6).toString('hex')}`;
  return writer
    .collection('audit')
    .doc(id)
    .set({ data: { ...entry } });
}
