/**
 * Every step taken on a need goes on its record and to its enterprise's contacts (§1: the
 * enterprise sees each step and is told of each change), in the transaction that takes the step.
 */
import { NEED_STATUS_LABELS, type NeedStatus, type NeedStepKind } from '../../core/need-rules';
import { formatDateTime } from '../../core/time';
import type { Need, NeedStep } from '../../core/types';
import { txUpdate } from '../db/collections';
import type { Database, DocData, Transaction } from '../db/types';
import { roleHolders } from './orgs';
import { enqueue, type OutgoingMessage } from './outbox';

export const needPage = (needId: string) => `packages/need/detail/index?id=${needId}`;

/** The users who are contacts of an enterprise (read before the transaction that notifies them). */
export function enterpriseContactsOf(db: Database, enterpriseId: string): Promise<string[]> {
  return roleHolders(db, 'enterprise', [enterpriseId]);
}

export function needUpdatedMessage(
  need: Pick<Need, '_id' | 'title'>,
  userId: string,
  step: NeedStep,
  key: string,
): OutgoingMessage<'needUpdated'> {
  return {
    userId,
    templateKey: 'needUpdated',
    dedupeKey: `needUpdated_${need._id}_${key}_${userId}`,
    title: `需求「${need.title}」有新进展`,
    body: step.note,
    page: needPage(need._id),
    data: { thing1: need.title, thing2: step.note, time3: formatDateTime(step.at) },
  };
}

/**
 * Appends a step (with any other fields the step changes) and tells the enterprise's contacts,
 * leaving out whoever took the step. `key` makes a retried step notify once.
 */
export async function recordNeedStep(
  db: Database,
  tx: Transaction,
  need: Pick<Need, '_id' | 'title' | 'steps'>,
  step: { at: number; by: string; kind: NeedStepKind; note: string },
  options: { patch?: DocData; contacts: string[]; key: string },
): Promise<NeedStep[]> {
  const steps = [...need.steps, step];
  await txUpdate(tx, 'needs', need._id, { ...options.patch, steps: db.command.set(steps), updatedAt: step.at });
  for (const userId of options.contacts) {
    if (userId === step.by) continue;
    await enqueue(tx, step.at, needUpdatedMessage(need, userId, step, options.key));
  }
  return steps;
}

export const statusNote = (status: NeedStatus) => `状态：${NEED_STATUS_LABELS[status]}`;
