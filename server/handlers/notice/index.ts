/** 通知 with read receipts: publish to an audience, read and 已知悉, who has not, and a reminder for them. */
import { AppError } from '../../../core/errors';
import { NOTICE_AUDIENCE_LABELS } from '../../../core/notice-rules';
import type { Notice, NoticeRead, Org, User } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { byIds, find, type FindOptions } from '../../db/query';
import type { DocData } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { HandlerArgs, Handlers } from '../../runtime/function';
import { leagueSubtree, loadOrgs, managedLeagueOrgIds, orgName } from '../../runtime/orgs';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { audienceTeams, recipientsOf, teamsUnder } from './audience';
import { deadlineIn, deliver, PUBLISH_FANOUT_MS, receiptIdOf } from './delivery';
import { remind, statsOf } from './remind';
import { noticeCard, noticeDetail, requireViewer } from './views';
import { early } from '../../runtime/early';

export const NOTICES_PAGE_SIZE = 20;

const NO_NOTICE = '找不到这条通知，可能已被删除';

/** The notice, the caller's receipt of it and the org tree, read together. */
async function noticeAndReceipt(ctx: Ctx, caller: User, noticeId: string): Promise<[Notice, NoticeRead | null, Org[]]> {
  const [notice, receipt, orgs] = await Promise.all([
    findById(ctx.db, 'notices', noticeId),
    findById(ctx.db, 'noticeReads', receiptIdOf(noticeId, caller._id)),
    loadOrgs(ctx),
  ]);
  if (!notice) throw new AppError('NOT_FOUND', NO_NOTICE);
  return [notice, receipt, orgs];
}

/** A retried publish: the notice it already wrote (the rest of its fan-out is dispatch's). */
function republished(orgs: Org[], caller: User, notice: Notice, receipt: NoticeRead | null) {
  if (notice.authorId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后提交');
  return noticeDetail(orgs, caller, notice, receipt, caller);
}

async function publish({ ctx, caller, input }: HandlerArgs<'notice', 'publish'>) {
  const until = deadlineIn(PUBLISH_FANOUT_MS);
  const noticeId = `nt-${input.requestId}`;
  // The org tree came with the access round, so the teams under the org are read in this one too.
  const [existing, mine, orgs, chosen, under] = await Promise.all([
    findById(ctx.db, 'notices', noticeId),
    findById(ctx.db, 'noticeReads', receiptIdOf(noticeId, caller._id)),
    loadOrgs(ctx),
    input.audience === 'teams' ? byIds(ctx.db, 'teams', input.teamIds) : null,
    input.audience === 'teams' ? null : loadOrgs(ctx).then((tree) => teamsUnder(ctx, tree, input.leagueOrgId)),
  ]);
  if (existing) return republished(orgs, caller, existing, mine);
  if (!managedLeagueOrgIds(orgs, caller).has(input.leagueOrgId)) throw new AppError('FORBIDDEN', '只能以你管理的团组织名义发布通知');
  if (chosen) {
    const subtree = leagueSubtree(orgs, [input.leagueOrgId]);
    if (
      chosen.length !== new Set(input.teamIds).size ||
      chosen.some((team) => team.status !== 'registered' || !subtree.has(team.leagueOrgId))
    ) {
      throw new AppError('INVALID_INPUT', '通知对象须为本团组织下已备案的突击队');
    }
  }
  const candidates = chosen ?? under ?? [];
  const now = ctx.now();
  const notice: Notice = {
    _id: noticeId,
    leagueOrgId: input.leagueOrgId,
    authorId: caller._id,
    title: input.title,
    body: input.body,
    audience: input.audience,
    teamIds: input.audience === 'teams' ? [...new Set(input.teamIds)] : [],
    requireAck: input.requireAck,
    fanout: 'pending',
    recipientCount: 0,
    remindedAt: null,
    remindRounds: 0,
    requestId: input.requestId,
    createdAt: now,
  };
  const recipients = await recipientsOf(ctx, notice, audienceTeams(orgs, notice, candidates));
  // The author's own receipt goes in the first batch, so the answer states what is written.
  const unwritten = [
    ...recipients.filter((member) => member.userId === caller._id),
    ...recipients.filter((member) => member.userId !== caller._id),
  ];
  const created = await deliver(
    ctx,
    { notice, org: orgName(orgs, notice.leagueOrgId), recipients, unwritten, until },
    async (tx, delivered) => {
      if (await txFind(tx, 'notices', noticeId)) return false;
      await txSet(tx, 'notices', { ...notice, ...delivered });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'notice',
        action: 'publish',
        target: `notices/${noticeId}`,
        orgId: notice.leagueOrgId,
        summary: `发布通知「${notice.title}」（${NOTICE_AUDIENCE_LABELS[notice.audience]}${notice.requireAck ? '，需确认' : ''}）`,
      });
      return true;
    },
  );
  if (created === null) {
    // The same request got there first: answer as a retry does.
    const [again, receipt] = await noticeAndReceipt(ctx, caller, noticeId);
    return republished(orgs, caller, again, receipt);
  }
  const receipt = recipients.some((member) => member.userId === caller._id) ? { readAt: null, ackAt: null } : null;
  return noticeDetail(orgs, caller, notice, receipt, caller);
}

/** Opening the notice is the read receipt; 已知悉 marks it read too. Returns the receipt as it now stands. */
async function markReceipt(ctx: Ctx, caller: User, notice: Notice, change: 'read' | 'ack'): Promise<NoticeRead | null> {
  const receiptId = receiptIdOf(notice._id, caller._id);
  return ctx.db.runTransaction(async (tx) => {
    const fresh = await txFind(tx, 'noticeReads', receiptId);
    if (!fresh || (change === 'read' ? fresh.readAt !== null : fresh.ackAt !== null)) return fresh;
    const now = ctx.now();
    const data = change === 'read' ? { readAt: now } : { ackAt: now, readAt: fresh.readAt ?? now };
    await txUpdate(tx, 'noticeReads', receiptId, data);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'notice',
      action: change,
      target: `noticeReads/${receiptId}`,
      orgId: notice.leagueOrgId,
      teamId: fresh.teamId,
      summary: `${change === 'read' ? '阅读' : '已知悉'}通知「${notice.title}」`,
    });
    return { ...fresh, ...data };
  });
}

export const noticeHandlers: Handlers<'notice'> = {
  publish,

  list: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const page: FindOptions = {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: NOTICES_PAGE_SIZE,
    };
    if (input.scope === 'manage') {
      const orgs = await loadOrgs(ctx);
      const where: object[] = [{ leagueOrgId: _.in([...managedLeagueOrgIds(orgs, caller)]) }];
      if (input.cursor) where.push(afterCursor(_, 'createdAt', input.cursor, 'desc'));
      const notices = await find(ctx.db, 'notices', _.and(where), page);
      return {
        items: notices.map((notice) => noticeCard(notice, orgName(orgs, notice.leagueOrgId), null)),
        nextCursor: nextCursorOf(notices, NOTICES_PAGE_SIZE, (notice) => notice.createdAt),
      };
    }
    const where: DocData[] = [{ userId: caller._id }];
    if (input.cursor) where.push(afterCursor(_, 'createdAt', input.cursor, 'desc') as DocData);
    const [receipts, orgs] = await Promise.all([find(ctx.db, 'noticeReads', _.and(where), page), loadOrgs(ctx)]);
    const notices = await byIds(
      ctx.db,
      'notices',
      receipts.map((receipt) => receipt.noticeId),
    );
    return {
      items: receipts.flatMap((receipt) => {
        const notice = notices.find((one) => one._id === receipt.noticeId);
        // A notice hidden after a report leaves the recipient's list (the page continues after the receipts read).
        return notice && !notice.hidden ? [noticeCard(notice, orgName(orgs, notice.leagueOrgId), receipt)] : [];
      }),
      nextCursor: nextCursorOf(receipts, NOTICES_PAGE_SIZE, (receipt) => receipt.createdAt),
    };
  },

  detail: async ({ ctx, caller, input }) => {
    const [notice, receipt, orgs] = await noticeAndReceipt(ctx, caller, input.noticeId);
    // Refused before the read receipt is written: a hidden notice is not opened by a recipient.
    requireViewer(orgs, caller, notice, receipt);
    const author = early(findById(ctx.db, 'users', notice.authorId));
    const current = receipt && receipt.readAt === null ? await markReceipt(ctx, caller, notice, 'read') : receipt;
    return noticeDetail(orgs, caller, notice, current, await author);
  },

  ack: async ({ ctx, caller, input }) => {
    const [notice, receipt, orgs] = await noticeAndReceipt(ctx, caller, input.noticeId);
    if (!receipt) throw new AppError('NOT_FOUND', '找不到这条通知，或它不是发给你的');
    requireViewer(orgs, caller, notice, receipt);
    if (!notice.requireAck) throw new AppError('STATE_CONFLICT', '这条通知不需要确认');
    const [author, current] = await Promise.all([findById(ctx.db, 'users', notice.authorId), markReceipt(ctx, caller, notice, 'ack')]);
    return noticeDetail(orgs, caller, notice, current, author);
  },

  stats: async ({ ctx, notice }) => statsOf(ctx, notice),

  remind,
};
