/**
 * The message pipeline. `enqueue` writes the in-app inbox copy and the outbox entry inside the
 * caller's transaction, so a message exists exactly when the change that caused it does.
 * `drainOutbox` (run by the dispatch function) sends due entries as subscribe messages.
 */
import { createHash } from 'node:crypto';
import { TEMPLATES, truncateField, type TemplateFieldKind, type TemplateKey } from '../../core/templates';
import type { Consent, OutboxItem } from '../../core/types';
import { findById, txFind, txSet, txUpdate } from '../db/collections';
import { findFields } from '../db/query';
import type { Transaction } from '../db/types';
import type { Ctx } from './context';
import { errCodeOf } from './sdk';

export const MAX_ATTEMPTS = 5;
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
export const LEASE_MS = 60_000;
/** WeChat: the user has not accepted (or has used up) the subscription for this template. */
export const ERR_NO_CONSENT = 43101;

export type OutgoingMessage<K extends TemplateKey = TemplateKey> = K extends TemplateKey ? MessageOf<K> : never;

type MessageOf<K extends TemplateKey> = {
  userId: string;
  templateKey: K;
  /** Stable per event, so a repeated request never sends the same message twice. */
  dedupeKey: string;
  title: string;
  body: string;
  page: string;
  data: Record<keyof (typeof TEMPLATES)[K]['fields'], string>;
};

export function messageId(dedupeKey: string): string {
  return createHash('sha1').update(dedupeKey).digest('hex').slice(0, 24);
}

export function consentId(userId: string, templateKey: string): string {
  return `${userId}_${templateKey}`;
}

export async function enqueue(tx: Transaction, now: number, message: OutgoingMessage): Promise<void> {
  if (await txFind(tx, 'outbox', messageId(message.dedupeKey))) return;
  await enqueueNew(tx, now, message);
}

/**
 * `enqueue` without its existence read, for a fan-out that already knows the message is new (a
 * notice's message is only ever written together with its receipt, in one transaction, so a
 * missing receipt means a missing message).
 */
export async function enqueueNew(tx: Transaction, now: number, message: OutgoingMessage): Promise<void> {
  const _id = messageId(message.dedupeKey);
  await txSet(tx, 'inbox', {
    _id,
    userId: message.userId,
    templateKey: message.templateKey,
    title: message.title,
    body: message.body,
    page: message.page,
    createdAt: now,
    readAt: null,
  });
  await txSet(tx, 'outbox', {
    _id,
    dedupeKey: message.dedupeKey,
    userId: message.userId,
    templateKey: message.templateKey,
    data: message.data as Record<string, string>,
    page: message.page,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: now,
    leaseUntil: 0,
    lastError: '',
    createdAt: now,
    doneAt: null,
  });
}

/** Template data cut to WeChat's field limits. */
export function templateData(item: Pick<OutboxItem, 'templateKey' | 'data'>): Record<string, { value: string }> {
  const fields = TEMPLATES[item.templateKey as TemplateKey].fields as Record<string, TemplateFieldKind>;
  return Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, { value: truncateField(kind, item.data[name] ?? '') }]));
}

export type DrainReport = { sent: number; inAppOnly: number; retried: number; failed: number };

/** Take a due entry for sending; another drainer that got there first wins. */
async function lease(ctx: Ctx, id: string): Promise<OutboxItem | null> {
  const now = ctx.now();
  return ctx.db.runTransaction(async (tx) => {
    const item = await txFind(tx, 'outbox', id);
    if (!item) return null;
    const due = (item.status === 'pending' && item.nextAttemptAt <= now) || (item.status === 'sending' && item.leaseUntil < now);
    if (!due) return null;
    await txUpdate(tx, 'outbox', id, { status: 'sending', leaseUntil: now + LEASE_MS, attempts: item.attempts + 1 });
    return { ...item, attempts: item.attempts + 1 };
  });
}

type Outcome = 'sent' | 'inAppOnly' | 'retried' | 'failed';

async function deliver(ctx: Ctx, item: OutboxItem): Promise<Outcome> {
  const consent = await findById(ctx.db, 'consents', consentId(item.userId, item.templateKey));
  const finish = (data: Partial<OutboxItem>, consentChange?: Partial<Consent> | { count: unknown }) =>
    ctx.db.runTransaction(async (tx) => {
      await txUpdate(tx, 'outbox', item._id, data);
      if (consentChange && consent) await txUpdate(tx, 'consents', consent._id, { ...consentChange, updatedAt: ctx.now() });
    });

  if (!consent || consent.count <= 0) {
    await finish({ status: 'inapp_only', lastError: '用户未订阅该消息，仅站内送达', doneAt: ctx.now() });
    return 'inAppOnly';
  }
  try {
    await ctx.openapi.subscribeMessage.send({
      touser: item.userId,
      templateId: TEMPLATES[item.templateKey as TemplateKey].id,
      page: item.page,
      data: templateData(item),
      miniprogramState: 'formal',
    });
    await finish({ status: 'sent', lastError: '', doneAt: ctx.now() }, { count: ctx.db.command.inc(-1) });
    return 'sent';
  } catch (error) {
    const code = errCodeOf(error);
    const reason = `${code ?? ''} ${(error as Error)?.message ?? String(error)}`.trim().slice(0, 200);
    if (code === ERR_NO_CONSENT) {
      await finish({ status: 'inapp_only', lastError: reason, doneAt: ctx.now() }, { count: 0 });
      return 'inAppOnly';
    }
    if (item.attempts >= MAX_ATTEMPTS) {
      await finish({ status: 'failed', lastError: reason, doneAt: ctx.now() });
      return 'failed';
    }
    const wait = BACKOFF_MS[Math.min(item.attempts - 1, BACKOFF_MS.length - 1)];
    await finish({ status: 'pending', lastError: reason, nextAttemptAt: ctx.now() + wait });
    return 'retried';
  }
}

export async function drainOutbox(ctx: Ctx, batch = 50): Promise<DrainReport> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const due = await findFields(
    ctx.db,
    'outbox',
    _.or([
      { status: 'pending', nextAttemptAt: _.lte(now) },
      { status: 'sending', leaseUntil: _.lt(now) },
    ]),
    ['_id'],
    { orderBy: [['nextAttemptAt', 'asc']], limit: batch },
  );
  const report: DrainReport = { sent: 0, inAppOnly: 0, retried: 0, failed: 0 };
  for (const { _id } of due) {
    const item = await lease(ctx, _id);
    if (item) report[await deliver(ctx, item)] += 1;
  }
  return report;
}
