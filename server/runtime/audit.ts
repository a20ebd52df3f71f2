import { randomBytes } from 'node:crypto';
import type { AuditEntry, Org } from '../../core/types';
import type { Database, Transaction } from '../db/types';

/**
 * Record a state change. Pass the transaction so the entry commits (or not) with the change.
 * `orgId` and `teamId` say whose trails list it; an unknown one is left out, not stored empty.
 */
export function audit(writer: Database | Transaction, entry: AuditEntry): Promise<unknown> {
  const id = `${entry.at.toString(36)}${randomBytes(6).toString('hex')}`;
  const { orgId, teamId, ...rest } = entry;
  return writer
    .collection('audit')
    .doc(id)
    .set({ data: { ...rest, ...(orgId ? { orgId } : {}), ...(teamId ? { teamId } : {}) } });
}

/**
 * The league org whose trail lists a change to an org: a league org's own; a party org's, the
 * league org it is attached to, or for one attached to none a top-level league org (whose
 * organizers administer it, see managedOrgIds). Undefined for an org not in the tree.
 */
export function leagueOrgOf(orgs: Org[], orgId: string): string | undefined {
  const org = orgs.find((candidate) => candidate._id === orgId);
  if (!org) return undefined;
  if (org.kind === 'league') return org._id;
  if (org.parentId) return org.parentId;
  const tops = orgs.filter((candidate) => candidate.kind === 'league' && candidate.parentId === null);
  return (tops.find((top) => !top.retiredAt) ?? tops[0])?._id;
}
