/**
 * An enterprise's interest in an achievement of the 科技成果库 reaches the team through its league
 * org: the organizers hear of it, call the enterprise if they need to, and forward it to the team.
 */
import { AppError } from '../../../core/errors';
import type { Interest } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { fieldsByIds, find } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Handlers } from '../../runtime/function';
import { keyedId } from '../../runtime/keyed-id';
import { usersById } from '../../runtime/lookups';
import { leagueSubtree, loadOrgs, organizersOf } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { displayName } from '../../runtime/users';
import { interestArrivedMessages, interestForwardedToAuthor, interestForwardedToTeam } from './messages';
import { interestCard } from './views';

/** The newest interests an organizer's list shows. */
const INTEREST_LIMIT = 200;
const MISSING = '找不到这条合作意向，可能不属于你管理的团组织';

export const interestHandlers: Pick<Handlers<'transfer'>, 'interest' | 'interests' | 'forwardInterest'> = {
  interest: async ({ ctx, caller, input, enterprise }) => {
    const interestId = keyedId('i', caller._id, input.requestId);
    const [existing, achievement, orgs] = await Promise.all([
      findById(ctx.db, 'interests', interestId),
      findById(ctx.db, 'achievements', input.achievementId),
      loadOrgs(ctx),
    ]);
    const card = (interest: Interest) =>
      interestCard(interest, { teamName: achievement?.teamName ?? '', author: caller, forwardedBy: undefined });
    if (existing) {
      if (existing.achievementId !== input.achievementId) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后再提交');
      return card(existing);
    }
    if (!achievement || achievement.status !== 'confirmed' || achievement.hidden) {
      throw new AppError('NOT_FOUND', '这项成果不在科技成果库中（只有已确认公开的成果可以表达合作意向）');
    }
    const organizers = await organizersOf(ctx.db, orgs, achievement.leagueOrgId);
    const now = ctx.now();
    const interest: Interest = {
      _id: interestId,
      achievementId: achievement._id,
      achievementTitle: achievement.title,
      teamId: achievement.teamId,
      leagueOrgId: achievement.leagueOrgId,
      enterpriseId: enterprise._id,
      enterpriseName: enterprise.name,
      authorId: caller._id,
      message: input.message,
      status: 'new',
      createdAt: now,
      forwarded: null,
    };
    const written = await ctx.db.runTransaction(async (tx): Promise<Interest> => {
      const again = await txFind(tx, 'interests', interestId);
      if (again) return again;
      await txSet(tx, 'interests', interest);
      const others = organizers.filter((userId) => userId !== caller._id);
      for (const message of interestArrivedMessages(interest, others)) await enqueue(tx, now, message);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'transfer',
        action: 'interest',
        target: `interests/${interestId}`,
        orgId: achievement.leagueOrgId,
        teamId: achievement.teamId,
        summary: `${enterprise.name}对成果「${achievement.title}」表达合作意向`,
      });
      return interest;
    });
    return card(written);
  },

  interests: async ({ ctx, caller, org, orgs }) => {
    const subtree = [...leagueSubtree(orgs, [org._id])];
    const interests = await find(
      ctx.db,
      'interests',
      { leagueOrgId: ctx.db.command.in(subtree) },
      { orderBy: [['createdAt', 'desc']], limit: INTEREST_LIMIT },
    );
    const people = interests.flatMap((interest) => [interest.authorId, ...(interest.forwarded ? [interest.forwarded.by] : [])]);
    const [users, teams] = await Promise.all([
      usersById(ctx, people, [caller]),
      fieldsByIds(
        ctx.db,
        'teams',
        interests.map((interest) => interest.teamId),
        ['name'],
      ),
    ]);
    const teamNames = new Map(teams.map((team) => [team._id, team.name]));
    return interests.map((interest) =>
      interestCard(interest, {
        teamName: teamNames.get(interest.teamId) ?? '',
        author: users.get(interest.authorId),
        forwardedBy: interest.forwarded ? users.get(interest.forwarded.by) : undefined,
      }),
    );
  },

  forwardInterest: async ({ ctx, caller, input, org, orgs }) => {
    const interest = await findById(ctx.db, 'interests', input.interestId);
    if (!interest || !leagueSubtree(orgs, [org._id]).has(interest.leagueOrgId)) throw new AppError('NOT_FOUND', MISSING);
    const [users, teams] = await Promise.all([
      usersById(ctx, [interest.authorId], [caller]),
      fieldsByIds(ctx.db, 'teams', [interest.teamId], ['name', 'leaderId']),
    ]);
    const team = teams[0];
    if (!team) throw new AppError('NOT_FOUND', '这支突击队已不存在，无法转达');
    if (interest.status !== 'new') throw new AppError('STATE_CONFLICT', '这条合作意向已经转达过了');
    const author = users.get(interest.authorId);
    const forwardedInterest = await ctx.db.runTransaction(async (tx): Promise<Interest> => {
      const fresh = await txFind(tx, 'interests', interest._id);
      if (!fresh || fresh.status !== 'new') throw new AppError('STATE_CONFLICT', '这条合作意向已经转达过了');
      const now = ctx.now();
      const forwarded = { by: caller._id, at: now, note: input.note };
      await txUpdate(tx, 'interests', interest._id, { status: 'forwarded', forwarded: ctx.db.command.set(forwarded) });
      const result: Interest = { ...fresh, status: 'forwarded', forwarded };
      const contact = { name: displayName(author), phone: author?.phone ?? '' };
      await enqueue(tx, now, interestForwardedToTeam(result, team.leaderId, contact, input.note, now));
      await enqueue(tx, now, interestForwardedToAuthor(result, team.name, input.note, now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'transfer',
        action: 'forwardInterest',
        target: `interests/${interest._id}`,
        orgId: interest.leagueOrgId,
        teamId: interest.teamId,
        summary: `将${interest.enterpriseName}对成果「${interest.achievementTitle}」的合作意向转达团队${input.note ? `：${input.note}` : ''}`,
      });
      return result;
    });
    return interestCard(forwardedInterest, { teamName: team.name, author, forwardedBy: caller });
  },
};
