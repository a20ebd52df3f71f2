/**
 * The message pipeline. `enqueue` writes the in-app inbox copy and the outbox entry inside the
 * caller's transaction, so a message exists exactly when the change that caused it does.
 * `drainOutbox` (run by the dispatch function) sends due entries as subscribe messages. An entry is
 * durably `sending` before WeChat is called; one found still `sending` later may have been sent
 * and WeChat has no idempotency key, so it is recorded `unknown` and never sent again.
 */
import { createHash } from 'node:crypto';
import { TEMPLATES, truncateField, type TemplateFieldKind, type TemplateKey } from '../../core/templates';
import type { Consent, OutboxItem } from '../../core/types';
import { txFind, txSet, txUpdate } from '../db/collections';
import { findFields } from '../db/query';
import type { Transaction } from '../db/types';
import type { Ctx } from './context';
import { errCodeOf } from './sdk';

export const MAX_ATTEMPTS = 5;
export const BACKOFF_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
export const LEASE_MS = 60_000;
/** WeChat: the user has not accepted (or has used up) the subscription for this template. */
export const ERR_NO_CONSENT = 43101;
/** WeChat errcodes that sending again cannot fix: invalid openid, template, page, data. */
export const PERMANENT_ERRORS: ReadonlySet<number> = new Set([40003, 40037, 41030, 47003]);
export const NO_CONSENT_REASON = '用户未订阅该消息，仅站内送达';
export const UNKNOWN_REASON = '发送结果未知：发送过程中服务中断，未自动重发以免重复';

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
    errCode: null,
    unknownAt: null,
    createdAt: now,
    doneAt: null,
  });
}

/** Template data cut to WeChat's field limits. */
export function templateData(item: Pick<OutboxItem, 'templateKey' | 'data'>): Record<string, { value: string }> {
  const fields = TEMPLATES[item.templateKey as TemplateKey].fields as Record<string, TemplateFieldKind>;
  return Object.fromEntries(Object.entries(fields).map(([name, kind]) => [name, { value: truncateField(kind, item.data[name] ?? '') }]));
}

type Outcome = 'sent' | 'inAppOnly' | 'retried' | 'failed' | 'unknown';
export type DrainReport = Record<Outcome, number>;

type Leased = { item: OutboxItem; consent: Consent };

/**
 * Takes a due entry (another drainer that got there first wins). Settles in the same transaction
 * what needs no call to WeChat: no consent left → in-app only; found still `sending` after its
 * lease → unknown. Otherwise marks it `sending` and hands it over for the one send.
 */
async function lease(ctx: Ctx, id: string): Promise<Leased | Outcome | null> {
  const now = ctx.now();
  return ctx.db.runTransaction(async (tx): Promise<Leased | Outcome | null> => {
    const item = await txFind(tx, 'outbox', id);
    if (!item) return null;
    if (item.status === 'sending' && item.leaseUntil < now) {
      await txUpdate(tx, 'outbox', id, { status: 'unknown', unknownAt: now, lastError: UNKNOWN_REASON, doneAt: now });
      return 'unknown';
    }
    if (item.status !== 'pending' || item.nextAttemptAt > now) return null;
    const consent = await txFind(tx, 'consents', consentId(item.userId, item.templateKey));
    if (!consent || consent.count <= 0) {
      await txUpdate(tx, 'outbox', id, { status: 'inapp_only', lastError: NO_CONSENT_REASON, doneAt: now });
      return 'inAppOnly';
    }
    await txUpdate(tx, 'outbox', id, { status: 'sending', leaseUntil: now + LEASE_MS, attempts: item.attempts + 1 });
    return { item: { ...item, attempts: item.attempts + 1 }, consent };
  });
}

/**
 * Records how a send ended, only if this drainer still holds the item (still `sending` with the
 * attempt it leased): a send slower than its lease may already have been recorded 结果未知 by
 * another drainer, and must not turn it back into something that is sent again.
 */
function settle(ctx: Ctx, { item, consent }: Leased, data: Partial<OutboxItem>, consentChange?: { count: unknown }) {
  return ctx.db.runTransaction(async (tx) => {
    const fresh = await txFind(tx, 'outbox', item._id);
    if (fresh?.status !== 'sending' || fresh.attempts !== item.attempts) return;
    await txUpdate(tx, 'outbox', item._id, data);
    if (consentChange) await txUpdate(tx, 'consents', consent._id, { ...consentChange, updatedAt: ctx.now() });
  });
}

/** What to record when the send threw. */
async function settleFailure(ctx: Ctx, leased: Leased, error: unknown): Promise<Outcome> {
  const now = ctx.now();
  const code = errCodeOf(error);
  const detail = String((error as { errMsg?: unknown })?.errMsg ?? (error as Error)?.message ?? error);
  if (code === null) {
    // No answer from WeChat (a timeout, a dropped connection): the message may have gone out.
    await settle(ctx, leased, {
      status: 'unknown',
      unknownAt: now,
      lastError: `${UNKNOWN_REASON}（${detail}）`.slice(0, 200),
      doneAt: now,
    });
    return 'unknown';
  }
  const lastError = `errcode ${code} ${detail}`.slice(0, 200);
  if (code === ERR_NO_CONSENT) {
    await settle(ctx, leased, { status: 'inapp_only', lastError, errCode: code, doneAt: now }, { count: 0 });
    return 'inAppOnly';
  }
  if (PERMANENT_ERRORS.has(code) || leased.item.attempts >= MAX_ATTEMPTS) {
    await settle(ctx, leased, { status: 'failed', lastError, errCode: code, doneAt: now });
    return 'failed';
  }
  const wait = BACKOFF_MS[Math.min(leased.item.attempts - 1, BACKOFF_MS.length - 1)];
  await settle(ctx, leased, { status: 'pending', lastError, errCode: code, nextAttemptAt: now + wait });
  return 'retried';
}

async function deliver(ctx: Ctx, leased: Leased): Promise<Outcome> {
  const { item } = leased;
  try {
    await ctx.openapi.subscribeMessage.send({
      touser: item.userId,
      templateId: TEMPLATES[item.templateKey as TemplateKey].id,
      page: item.page,
      data: templateData(item),
      miniprogramState: 'formal',
    });
  } catch (error) {
    return settleFailure(ctx, leased, error);
  }
  // Outside the try: failing to record a send that happened must not count as a failed send (it
  // would be retried and arrive twice); the entry stays `sending` and is later recorded unknown.
  await settle(ctx, leased, { status: 'sent', lastError: '', errCode: null, doneAt: ctx.now() }, { count: ctx.db.command.inc(-1) });
  return 'sent';
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
  const report: DrainReport = { sent: 0, inAppOnly: 0, retried: 0, failed: 0, unknown: 0 };
  for (const { _id } of due) {
    const leased = await lease(ctx, _id);
    if (!leased) continue;
    report[typeof leased === 'string' ? leased : await deliver(ctx, leased)] += 1;
  }
  return report;
}
