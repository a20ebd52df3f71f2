/**
 * What a taken need becomes, decided by its owner with a reason (§2): a 征榜 draft challenge
 * prefilled from it, teams recommended to the enterprise, a merge into a duplicate, or a decline.
 * The outcome, its step, its audit entry and everything it creates are written in one transaction.
 */
import { AppError } from '../../../core/errors';
import { NEED_MACHINE, NEED_OUTCOME_LABELS, OUTCOME_STATUS, type NeedEvent, type NeedOutcome } from '../../../core/need-rules';
import { formatDateTime } from '../../../core/time';
import type { Challenge, Need, NeedStep, Org, Team, User } from '../../../core/types';
import { findById, txFind, txSet } from '../../db/collections';
import { fieldsByIds } from '../../db/query';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import type { Handler } from '../../runtime/function';
import { must } from '../../runtime/machine';
import { cadreLeagueOrgIds } from '../../runtime/need-roles';
import { enterpriseContactsOf, needPage, recordNeedStep } from '../../runtime/need-steps';
import { leagueSubtree, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { challengeFromNeed, challengeIdOfNeed } from '../challenge/from-need';
import { teamPage } from '../team/messages';
import { ownerNameOf, requireOwner } from './cadre-people';
import { readForView, unchangedSince, viewAfterWrite, type Written } from './cadre-view';
import { isPublicNeed, needDetail } from './views';

const EVENT: Record<NeedOutcome, NeedEvent> = { challenge: 'toChallenge', recommend: 'recommend', merge: 'merge', decline: 'decline' };
const REVIEWER_CODE_LENGTH = 8;
const MISSING = '找不到这条需求，可能已被撤回或删除';

type TeamPick = Pick<Team, '_id' | 'name' | 'status' | 'leagueOrgId' | 'leaderId' | 'hidden'>;

/** The recommended teams, each registered, visible and under the need's org; a Chinese refusal naming the first that is not. */
function requireRecommendable(teams: TeamPick[], teamIds: string[], need: Need, orgs: Org[]): TeamPick[] {
  const subtree = leagueSubtree(orgs, [need.leagueOrgId]);
  return teamIds.map((id) => {
    const team = teams.find((candidate) => candidate._id === id);
    if (!team || team.hidden) throw new AppError('INVALID_INPUT', '找不到所选的团队，请重新选择');
    if (team.status !== 'registered') throw new AppError('INVALID_INPUT', `「${team.name}」尚未备案或已解散，不能推荐`);
    if (!subtree.has(team.leagueOrgId)) {
      throw new AppError('INVALID_INPUT', `「${team.name}」不在「${orgName(orgs, need.leagueOrgId)}」及其下级团组织，不能推荐给这条需求`);
    }
    return team;
  });
}

/** The need a merge may go into: another live need the caller takes for. */
function requireMergeTarget(target: Need | null, need: Need, caller: User, orgs: Org[]): Need {
  if (target?._id === need._id) throw new AppError('INVALID_INPUT', '不能把需求合并到它自己，请选择另一条需求');
  // A need outside the caller's orgs is as unknown to them as one that does not exist.
  if (!target || target.status === 'draft' || !cadreLeagueOrgIds(orgs, caller).has(target.leagueOrgId)) {
    throw new AppError('NOT_FOUND', '找不到要合并到的需求，请从你负责接单的团组织的需求中选择');
  }
  if (target.status === 'withdrawn') throw new AppError('STATE_CONFLICT', `需求「${target.title}」已被企业撤回，不能合并到它`);
  if (target.status === 'merged') throw new AppError('STATE_CONFLICT', `需求「${target.title}」已合并到其他需求，请合并到它最终所在的需求`);
  return target;
}

/**
 * Whether a step on `need` (which its enterprise reads) may name `other`: only when both are the
 * same enterprise's or `other` is public; an organizers-only need of another enterprise stays unnamed.
 */
const namesAcross = (need: Pick<Need, 'enterpriseId'>, other: Pick<Need, 'enterpriseId' | 'visibility' | 'status'>) =>
  need.enterpriseId === other.enterpriseId || isPublicNeed(other);

/** The need as the decision leaves it. */
function decided(current: Need, outcome: NonNullable<Need['outcome']>, steps: NeedStep[], now: number, flagged: boolean): Need {
  return {
    ...current,
    status: OUTCOME_STATUS[outcome.kind],
    outcome,
    steps,
    updatedAt: now,
    ...(flagged ? { contentFlag: 'review' as const } : {}),
  };
}

export const decide: Handler<'need', 'decide'> = async ({ ctx, caller, input, need, orgs, contentVerdict }) => {
  const kind = input.outcome;
  // The same decision sent again (its answer lost on the way back).
  if (need.outcome?.kind === kind && need.outcome.by === caller._id) return needDetail(ctx, caller, need, orgs);
  const teamIds = kind === 'recommend' ? [...new Set(input.teamIds ?? [])] : [];
  const mergeInto = kind === 'merge' ? (input.mergeInto ?? null) : null;
  const reads = readForView(ctx, caller, need, orgs);
  const [ownerName, contacts, reviewerCode, teams, target] = await Promise.all([
    ownerNameOf(ctx.db, caller, need.ownerId),
    enterpriseContactsOf(ctx.db, need.enterpriseId),
    kind === 'challenge' ? uniqueCode(ctx, 'challenges', 'reviewerCode', REVIEWER_CODE_LENGTH) : Promise.resolve(''),
    teamIds.length ? fieldsByIds(ctx.db, 'teams', teamIds, ['name', 'status', 'leagueOrgId', 'leaderId', 'hidden']) : Promise.resolve([]),
    mergeInto && mergeInto !== need._id ? findById(ctx.db, 'needs', mergeInto) : Promise.resolve(null),
  ]);
  requireOwner(need, caller, ownerName);
  must(NEED_MACHINE, need.status, EVENT[kind], '该需求已有处理结果或已撤回，不能再处理');
  const recommended = requireRecommendable(teams, teamIds, need, orgs);
  const into = mergeInto ? requireMergeTarget(mergeInto === need._id ? need : target, need, caller, orgs) : null;

  const now = ctx.now();
  const flagged = contentVerdict === 'review';
  const challengeId = kind === 'challenge' ? challengeIdOfNeed(need._id) : null;
  const outcome = { kind, reason: input.reason, by: caller._id, at: now, challengeId, teamIds, mergedInto: into?._id ?? null };
  const detail =
    kind === 'recommend'
      ? `（${recommended.map((team) => team.name).join('、')}）`
      : into
        ? namesAcross(need, into)
          ? `（并入「${into.title}」）`
          : '（已与团组织受理的另一条相同需求合并）'
        : '';
  const step = { at: now, by: caller._id, kind: 'outcome' as const, note: `${NEED_OUTCOME_LABELS[kind]}${detail}：${input.reason}` };

  // A merge also tells the other need's enterprise.
  const targetContacts = into ? await enterpriseContactsOf(ctx.db, into.enterpriseId) : [];

  const written = await ctx.db.runTransaction(async (tx): Promise<Written & { challenge: Challenge | null }> => {
    const [current, mergeTarget, stored] = await Promise.all([
      txFind(tx, 'needs', need._id),
      into ? txFind(tx, 'needs', into._id) : Promise.resolve(null),
      challengeId ? txFind(tx, 'challenges', challengeId) : Promise.resolve(null),
    ]);
    if (!current) throw new AppError('NOT_FOUND', MISSING);
    if (current.outcome?.kind === kind && current.outcome.by === caller._id) return { need: current, asRead: false, challenge: stored };
    requireOwner(current, caller, ownerName);
    must(NEED_MACHINE, current.status, EVENT[kind], '该需求已有处理结果或已撤回，不能再处理');
    const patch = { status: OUTCOME_STATUS[kind], outcome: ctx.db.command.set(outcome), ...(flagged ? { contentFlag: 'review' } : {}) };
    const steps = await recordNeedStep(ctx.db, tx, current, step, { patch, contacts, key: `outcome_${current.steps.length}` });
    const challenge = challengeId && !stored ? challengeFromNeed(current, current.enterpriseName, caller._id, now, reviewerCode) : stored;
    if (challenge && !stored) {
      await txSet(tx, 'challenges', challenge);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'challenge',
        action: 'create',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: `由企业需求「${current.title}」起草征榜榜单「${challenge.title}」`,
      });
    }
    if (into) {
      const other = requireMergeTarget(mergeTarget, current, caller, orgs);
      const note = namesAcross(other, current) ? `合并了需求「${current.title}」（${current.enterpriseName}）` : '合并了另一条相同的需求';
      await recordNeedStep(
        ctx.db,
        tx,
        other,
        { at: now, by: caller._id, kind: 'edited', note },
        { contacts: targetContacts, key: `merged_${current._id}` },
      );
    }
    for (const team of recommended) {
      const body = `团组织把「${team.name}」推荐给${current.enterpriseName}的需求「${current.title}」，企业可能与你们联系`;
      await enqueue(tx, now, {
        userId: team.leaderId,
        templateKey: 'needUpdated',
        dedupeKey: `needRecommended_${current._id}_${team._id}_${team.leaderId}`,
        title: '你的团队被推荐给企业需求',
        body,
        page: current.visibility === 'public' ? needPage(current._id) : teamPage(team._id),
        data: { thing1: current.title, thing2: `推荐团队：${team.name}`, time3: formatDateTime(now) },
      });
    }
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'decide',
      target: `needs/${current._id}`,
      orgId: current.leagueOrgId,
      summary: `企业需求「${current.title}」处理结果：${step.note}`,
    });
    return { need: decided(current, outcome, steps, now, flagged), asRead: unchangedSince(need, current), challenge };
  });
  // What the outcome points to was read or written here; the detail's own reads predate the outcome.
  const { challenge } = written;
  return viewAfterWrite(ctx, caller, written, orgs, reads, () => ({
    challenge: challenge ? { _id: challenge._id, title: challenge.title, status: challenge.status } : null,
    teams: recommended.map((team) => ({ _id: team._id, name: team.name, leagueOrgId: team.leagueOrgId })),
    merged: into
      ? {
          _id: into._id,
          title: into.title,
          visibility: into.visibility,
          status: into.status,
          enterpriseId: into.enterpriseId,
          leagueOrgId: into.leagueOrgId,
        }
      : null,
  }));
};
