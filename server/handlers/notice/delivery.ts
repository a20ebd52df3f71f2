/**
 * Getting a notice to its recipients: a receipt and an inbox/outbox message per recipient,
 * written in batches so a notice to thousands never needs one huge transaction. A receipt and its
 * message are written in the same transaction, so which receipts exist says which messages do: a
 * batch writes without reading. One writer at a time: the publish for the first minute (its
 * function times out long before), then dispatch under a lease. Each stops starting batches at its
 * deadline; dispatch finishes what is left.
 */
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { NOTICE_FANOUT_BATCH } from '../../../core/notice-rules';
import { formatDateTime } from '../../../core/time';
import type { Member, Notice, Org } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import { byIds, find, findAll } from '../../db/query';
import type { Transaction } from '../../db/types';
import type { Ctx } from '../../runtime/context';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { enqueueNew, type OutgoingMessage } from '../../runtime/outbox';
import { audienceTeams, recipientsOf, teamsUnder } from './audience';

export const noticePage = (noticeId: string) => `packages/notice/detail/index?id=${noticeId}`;
export const receiptIdOf = (noticeId: string, userId: string) => `${noticeId}_${userId}`;
/** The key of a recipient's message for the notice itself (not its reminders). */
export const noticeDedupeKey = (noticeId: string, userId: string) => `notice_${noticeId}_${userId}`;

/** Real time a publish keeps starting batches (its function times out at 20 s). */
export const PUBLISH_FANOUT_MS = 12_000;
/** Real time dispatch spends on fan-outs (its function times out at 60 s and has other work). */
export const DISPATCH_FANOUT_MS = 30_000;
/** Dispatch takes over a fan-out this long after the publish started it. */
export const RESUME_AFTER_MS = 60_000;
/** A dispatch run's hold on a fan-out: longer than dispatch's timeout, so two runs never write one notice. */
const LEASE_MS = 2 * 60_000;

export const deadlineIn = (ms: number) => performance.now() + ms;

export function noticeMessage(
  notice: Notice,
  org: string,
  userId: string,
  dedupeKey: string,
  now: number,
): OutgoingMessage<'noticePublished'> {
  return {
    userId,
    templateKey: 'noticePublished',
    dedupeKey,
    title: `通知：${notice.title}`,
    body: notice.requireAck ? `${org}发布了通知，请阅读后点「已知悉」确认。` : `${org}发布了通知。`,
    page: noticePage(notice._id),
    data: { thing1: notice.title, thing2: org, time3: formatDateTime(now) },
  };
}

export type Delivered = Pick<Notice, 'fanout' | 'recipientCount'>;

export type Plan = {
  notice: Notice;
  org: string;
  /** Everyone the notice reaches (their number is recorded when done). */
  recipients: Member[];
  /** Those without a receipt yet, in the order to write them. */
  unwritten: Member[];
  /** Stop starting batches after this (performance.now()). */
  until: number;
};

async function writeReceipt(tx: Transaction, plan: Plan, member: Member): Promise<void> {
  const { notice } = plan;
  await txSet(tx, 'noticeReads', {
    _id: receiptIdOf(notice._id, member.userId),
    noticeId: notice._id,
    userId: member.userId,
    teamId: member.teamId,
    readAt: null,
    ackAt: null,
    createdAt: notice.createdAt,
  });
  await enqueueNew(
    tx,
    notice.createdAt,
    noticeMessage(notice, plan.org, member.userId, noticeDedupeKey(notice._id, member.userId), notice.createdAt),
  );
}

/**
 * Writes the plan's batches until done or its deadline; the batch that finishes marks the notice
 * delivered. `first` runs first in the first batch's transaction (the publish writes the notice
 * there, told whether it is also the last); when it returns false nothing is written. Returns null
 * then, else whether every recipient now has a receipt.
 */
export async function deliver(
  ctx: Ctx,
  plan: Plan,
  first?: (tx: Transaction, delivered: Delivered | null) => Promise<boolean>,
  holds?: (tx: Transaction) => Promise<boolean>,
): Promise<boolean | null> {
  const done: Delivered = { fanout: 'done', recipientCount: plan.recipients.length };
  let start = 0;
  let opening = first;
  do {
    if (start > 0 && performance.now() > plan.until) return false;
    const batch = plan.unwritten.slice(start, start + NOTICE_FANOUT_BATCH);
    const last = start + NOTICE_FANOUT_BATCH >= plan.unwritten.length;
    const wrote = await ctx.db.runTransaction(async (tx) => {
      if (holds && !(await holds(tx))) return false;
      if (opening && !(await opening(tx, last ? done : null))) return false;
      for (const member of batch) await writeReceipt(tx, plan, member);
      if (last && !opening) await txUpdate(tx, 'notices', plan.notice._id, done);
      return true;
    });
    if (!wrote) return null;
    opening = undefined;
    start += NOTICE_FANOUT_BATCH;
  } while (start < plan.unwritten.length);
  return true;
}

const leaseId = (noticeId: string) => `noticeFanout_${noticeId}`;

/** Take a stalled fan-out for this dispatch run, unless another run holds it; the token names this holder. */
function lease(ctx: Ctx, noticeId: string): Promise<string | null> {
  const now = ctx.now();
  const jobId = leaseId(noticeId);
  const token = randomBytes(8).toString('hex');
  return ctx.db.runTransaction(async (tx) => {
    const job = await txFind(tx, 'jobs', jobId);
    if (job && job.at > now) return null;
    await txSet(tx, 'jobs', { _id: jobId, cursor: token, done: false, at: now + LEASE_MS });
    return token;
  });
}

/**
 * Run inside each batch's transaction: this run still holds the lease (a run that outlived its
 * lease stops instead of writing receipts and messages a second time). Writing the lease in the
 * same transaction makes two overlapping batches conflict, so only one of them commits.
 */
function stillHolds(ctx: Ctx, noticeId: string, token: string) {
  return async (tx: Transaction): Promise<boolean> => {
    const job = await txFind(tx, 'jobs', leaseId(noticeId));
    if (job?.cursor !== token) return false;
    await txUpdate(tx, 'jobs', leaseId(noticeId), { at: ctx.now() + LEASE_MS });
    return true;
  };
}

/** The rest of one notice's fan-out: who it reaches now, less those who already have a receipt. */
async function resume(ctx: Ctx, orgs: Org[], notice: Notice, until: number, token: string): Promise<boolean> {
  const [candidates, written] = await Promise.all([
    notice.audience === 'teams' ? byIds(ctx.db, 'teams', notice.teamIds) : teamsUnder(ctx, orgs, notice.leagueOrgId),
    findAll(ctx.db, 'noticeReads', { noticeId: notice._id }),
  ]);
  const recipients = await recipientsOf(ctx, notice, audienceTeams(orgs, notice, candidates));
  const has = new Set(written.map((receipt) => receipt.userId));
  const unwritten = recipients.filter((member) => !has.has(member.userId));
  const org = orgName(orgs, notice.leagueOrgId);
  return (await deliver(ctx, { notice, org, recipients, unwritten, until }, undefined, stillHolds(ctx, notice._id, token))) === true;
}

/** Dispatch: finish fan-outs that a publish did not (its deadline, a timeout, a crash). Returns how many finished. */
export async function finishNoticeFanouts(ctx: Ctx, until = deadlineIn(DISPATCH_FANOUT_MS)): Promise<number> {
  const stale = await find(
    ctx.db,
    'notices',
    { fanout: 'pending', createdAt: ctx.db.command.lt(ctx.now() - RESUME_AFTER_MS) },
    { limit: 10 },
  );
  if (!stale.length) return 0;
  const orgs = await loadOrgs(ctx);
  let finished = 0;
  for (const notice of stale) {
    if (performance.now() > until) break;
    const token = await lease(ctx, notice._id);
    if (!token) continue;
    if (await resume(ctx, orgs, notice, until, token)) finished += 1;
    // Stopped at the deadline: the next run may go on at once (unless the lease has passed to another run).
    else
      await ctx.db.runTransaction(async (tx) => {
        if ((await txFind(tx, 'jobs', leaseId(notice._id)))?.cursor === token) await txUpdate(tx, 'jobs', leaseId(notice._id), { at: 0 });
      });
  }
  return finished;
}
