/**
 * 干部接单: the cadres' queue, taking a need (one owner at a time, with a visible first-response
 * deadline), handing it back, and the teams a need may be recommended to. Decisions are in
 * cadre-decide.ts. No counts per cadre and no rankings (§2).
 */
import { AppError } from '../../../core/errors';
import { FIRST_RESPONSE_DAYS, NEED_MACHINE, NEED_PAGE_SIZE, type NeedStatus } from '../../../core/need-rules';
import { DAY_MS } from '../../../core/time';
import { txFind } from '../../db/collections';
import { find, findFields } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Handler } from '../../runtime/function';
import { must } from '../../runtime/machine';
import { cadreLeagueOrgIds } from '../../runtime/need-roles';
import { enterpriseContactsOf, needUpdatedMessage, recordNeedStep } from '../../runtime/need-steps';
import { leagueSubtree, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { decide } from './cadre-decide';
import { ownerNameOf } from './cadre-people';
import { readForView, unchangedSince, viewAfterWrite, type Written } from './cadre-view';
import { needCard, needDetail, readNames } from './views';

const OPEN: NeedStatus[] = ['submitted', 'taken'];
const DONE: NeedStatus[] = ['challenge', 'recommended', 'merged', 'declined', 'withdrawn'];
const MISSING = '找不到这条需求，可能已被撤回或删除';

export const queue: Handler<'need', 'queue'> = async ({ ctx, caller, input, org, orgs }) => {
  const _ = ctx.db.command;
  const takes = cadreLeagueOrgIds(orgs, caller);
  const scope = [...leagueSubtree(orgs, [org._id])].filter((id) => takes.has(id));
  const conditions: object[] = [{ leagueOrgId: _.in(scope) }];
  if (input.view === 'open') conditions.push({ status: _.in(OPEN) });
  // The org's index serves this too: an org has few needs taken at any time, and they are filtered by owner.
  if (input.view === 'mine') conditions.push({ ownerId: caller._id, status: 'taken' });
  // A draft withdrawn before it was submitted was never the cadres' to see.
  if (input.view === 'done') conditions.push({ status: _.in(DONE), submittedAt: _.gt(0) });
  if (input.cursor) conditions.push(afterCursor(_, 'submittedAt', input.cursor, 'desc'));
  const needs = await find(ctx.db, 'needs', _.and(conditions), {
    orderBy: [
      ['submittedAt', 'desc'],
      ['_id', 'desc'],
    ],
    limit: NEED_PAGE_SIZE,
  });
  const owners = await readNames(
    ctx,
    needs.flatMap((need) => (need.ownerId ? [need.ownerId] : [])),
    [caller],
  );
  const now = ctx.now();
  return {
    items: needs.map((need) => needCard(need, owners, now)),
    nextCursor: nextCursorOf(needs, NEED_PAGE_SIZE, (need) => need.submittedAt ?? 0),
  };
};

export const take: Handler<'need', 'take'> = async ({ ctx, caller, input, need, orgs }) => {
  if (need.status === 'taken' && need.ownerId === caller._id) return needDetail(ctx, caller, need, orgs); // a repeated tap
  const reads = readForView(ctx, caller, need, orgs);
  const [ownerName, contacts] = await Promise.all([
    ownerNameOf(ctx.db, caller, need.ownerId),
    enterpriseContactsOf(ctx.db, need.enterpriseId),
  ]);
  const name = displayName(caller);
  const written = await ctx.db.runTransaction(async (tx): Promise<Written> => {
    const current = await txFind(tx, 'needs', input.needId);
    if (!current) throw new AppError('NOT_FOUND', MISSING);
    if (current.status === 'taken' && current.ownerId === caller._id) return { need: current, asRead: false };
    if (current.status === 'taken' && current.ownerId) {
      const owner = current.ownerId === need.ownerId ? ownerName : displayName(await txFind(tx, 'users', current.ownerId));
      throw new AppError('STATE_CONFLICT', `该需求已由 ${owner} 接单，如需转交请对方先放弃接单`);
    }
    const status = must(NEED_MACHINE, current.status, 'take', '该需求已处理完毕或已撤回，不能接单');
    const now = ctx.now();
    // A take after a release starts a fresh deadline: the new owner answers for themselves.
    const patch = { status, ownerId: caller._id, takenAt: now, respondBy: now + FIRST_RESPONSE_DAYS * DAY_MS, respondedAt: null };
    const step = { at: now, by: caller._id, kind: 'taken' as const, note: `${name} 已接单，将在 ${FIRST_RESPONSE_DAYS} 天内首次回复` };
    const steps = await recordNeedStep(ctx.db, tx, current, step, { patch, contacts, key: `taken_${current.steps.length}` });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'take',
      target: `needs/${current._id}`,
      orgId: current.leagueOrgId,
      summary: `接单企业需求「${current.title}」`,
    });
    return { need: { ...current, ...patch, steps, updatedAt: now }, asRead: unchangedSince(need, current) };
  });
  return viewAfterWrite(ctx, caller, written, orgs, reads);
};

export const release: Handler<'need', 'release'> = async ({ ctx, caller, input, need, orgs, organizer, contentVerdict }) => {
  const reads = readForView(ctx, caller, need, orgs);
  const [ownerName, contacts] = await Promise.all([
    ownerNameOf(ctx.db, caller, need.ownerId),
    enterpriseContactsOf(ctx.db, need.enterpriseId),
  ]);
  const name = displayName(caller);
  const written = await ctx.db.runTransaction(async (tx): Promise<Written> => {
    const current = await txFind(tx, 'needs', input.needId);
    if (!current) throw new AppError('NOT_FOUND', MISSING);
    const status = must(
      NEED_MACHINE,
      current.status,
      'release',
      current.status === 'submitted' ? '该需求尚无人接单' : '该需求已处理完毕或已撤回，不能放弃接单',
    );
    const ownerId = current.ownerId;
    if (ownerId !== caller._id && !organizer) throw new AppError('STATE_CONFLICT', '只有接单人或该团组织的管理员可以放弃接单');
    const owner = ownerId === need.ownerId ? ownerName : displayName(ownerId ? await txFind(tx, 'users', ownerId) : null);
    const now = ctx.now();
    const note = ownerId === caller._id ? `${name} 放弃接单：${input.reason}` : `${name} 收回了 ${owner} 的接单：${input.reason}`;
    // takenAt stays: the need was taken once (the dashboard's funnel counts it); the next take sets it again.
    const patch = {
      status,
      ownerId: null,
      respondBy: null,
      respondedAt: null,
      ...(contentVerdict === 'review' ? { contentFlag: 'review' as const } : {}),
    };
    const step = { at: now, by: caller._id, kind: 'released' as const, note };
    const key = `released_${current.steps.length}`;
    const steps = await recordNeedStep(ctx.db, tx, current, step, { patch, contacts, key });
    if (ownerId && ownerId !== caller._id) await enqueue(tx, now, needUpdatedMessage(current, ownerId, step, key));
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'release',
      target: `needs/${current._id}`,
      orgId: current.leagueOrgId,
      summary: `${ownerId === caller._id ? '放弃接单' : `收回 ${owner} 的接单`}：企业需求「${current.title}」，原因：${input.reason}`,
    });
    return { need: { ...current, ...patch, steps, updatedAt: now }, asRead: unchangedSince(need, current) };
  });
  return viewAfterWrite(ctx, caller, written, orgs, reads);
};

/** Registered teams under the need's org, the need's own field first, then by name. */
export const teamOptions: Handler<'need', 'teamOptions'> = async ({ ctx, need, orgs }) => {
  const subtree = [...leagueSubtree(orgs, [need.leagueOrgId])];
  const teams = await findFields(ctx.db, 'teams', { leagueOrgId: ctx.db.command.in(subtree), status: 'registered' }, [
    'name',
    'field',
    'leagueOrgId',
    'hidden',
  ]);
  return teams
    .filter((team) => !team.hidden)
    .sort((a, b) => Number(b.field === need.field) - Number(a.field === need.field) || a.name.localeCompare(b.name, 'zh-CN'))
    .map((team) => ({ id: team._id, name: team.name, field: team.field, orgName: orgName(orgs, team.leagueOrgId) }));
};

export const cadreHandlers = { queue, take, release, teamOptions, decide };
