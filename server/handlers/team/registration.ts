/** A team's record with its league org: applying, the organizer's review, and the leader's refresh. */
import { AppError } from '../../../core/errors';
import { INVITE_LENGTH } from '../../../core/team-rules';
import type { Team } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { count } from '../../db/query';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import type { Handlers } from '../../runtime/function';
import { teamMembers, usersById } from '../../runtime/lookups';
import { keyedId } from '../../runtime/keyed-id';
import { loadOrgs, organizersOf } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { displayName, requireProfile } from '../../runtime/users';
import { leaderDetail } from './detail';
import { requireOrg, requireRegistered } from './guards';
import { reviewedMessage, teamChangedMessage } from './messages';
import { detailPeopleIds, teamSummary } from './views';

export const registrationHandlers: Pick<Handlers<'team'>, 'apply' | 'review' | 'refresh'> = {
  apply: async ({ ctx, caller, input, contentVerdict: verdict }) => {
    requireProfile(caller, '申请组建突击队');
    const teamId = keyedId('t', caller._id, input.requestId);
    const [orgs, already, sameName] = await Promise.all([
      loadOrgs(ctx),
      findById(ctx.db, 'teams', teamId),
      count(ctx.db, 'teams', {
        leagueOrgId: input.leagueOrgId,
        name: input.name,
        status: ctx.db.command.in(['pending', 'registered']),
      }),
    ]);
    requireOrg(orgs, input.leagueOrgId, 'league');
    requireOrg(orgs, input.partyOrgId, 'party');
    if (already) return teamSummary(already, orgs, caller, 'applicant', ctx.now());
    if (sameName > 0) throw new AppError('DUPLICATE', '该团组织下已有同名的突击队或申请，请换一个名称');
    const organizers = await organizersOf(ctx.db, orgs, input.leagueOrgId);

    const team = await ctx.db.runTransaction(async (tx) => {
      const existing = await txFind(tx, 'teams', teamId);
      if (existing) return existing;
      const now = ctx.now();
      const created: Team = {
        _id: teamId,
        name: input.name,
        field: input.field,
        intro: input.intro,
        leagueOrgId: input.leagueOrgId,
        unitName: input.unitName,
        partyOrgId: input.partyOrgId,
        crossUnit: input.crossUnit,
        leaderId: caller._id,
        applicantId: caller._id,
        status: 'pending',
        inviteCode: '',
        memberCount: 0,
        appliedAt: now,
        registeredAt: null,
        refreshedAt: null,
        review: null,
        dissolved: null,
        ...(verdict === 'review' ? { contentFlag: 'review' } : {}),
      };
      await txSet(tx, 'teams', created);
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'apply',
        target: `teams/${teamId}`,
        orgId: input.leagueOrgId,
        teamId,
        summary: `申请组建「${input.name}」`,
      });
      for (const organizer of organizers) {
        await enqueue(
          tx,
          now,
          teamChangedMessage(
            created,
            organizer,
            'applied',
            '有新的组建申请',
            `${displayName(caller)}申请组建「${input.name}」（${input.field}），请审核备案。`,
            now,
          ),
        );
      }
      return created;
    });
    return teamSummary(team, orgs, caller, 'applicant', ctx.now());
  },

  review: async ({ ctx, caller, input, team }) => {
    const approve = input.decision === 'approve';
    // The org tree was read by the access check; the leader is read now so the answer needs no read after.
    const [inviteCode, leaders, orgs] = await Promise.all([
      approve ? uniqueCode(ctx, 'teams', 'inviteCode', INVITE_LENGTH) : '',
      usersById(ctx, [team.leaderId]),
      loadOrgs(ctx),
    ]);
    const reviewed = await ctx.db.runTransaction(async (tx) => {
      const current = await txFind(tx, 'teams', team._id);
      if (!current || current.status !== 'pending') throw new AppError('STATE_CONFLICT', '该申请已被处理，请刷新列表');
      const now = ctx.now();
      const review = { by: caller._id, at: now, reason: input.reason };
      const changes: Partial<Team> = approve
        ? { status: 'registered', registeredAt: now, refreshedAt: now, review, inviteCode, memberCount: 1 }
        : { status: 'rejected', review };
      // `review` replaces a null field whole; a plain object would update by path and fail.
      await txUpdate(tx, 'teams', team._id, { ...changes, review: ctx.db.command.set(review) });
      if (approve) {
        await txSet(tx, 'members', {
          _id: `${team._id}_${current.leaderId}`,
          teamId: team._id,
          userId: current.leaderId,
          role: 'leader',
          homeUnit: current.unitName,
          homePartyOrgId: current.partyOrgId,
          joinedAt: now,
        });
      }
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'review',
        target: `teams/${team._id}`,
        orgId: team.leagueOrgId,
        teamId: team._id,
        summary: approve ? `备案通过「${current.name}」` : `驳回「${current.name}」：${input.reason}`,
      });
      const updated: Team = { ...current, ...changes };
      await enqueue(tx, now, reviewedMessage(updated, approve, input.reason, now));
      return updated;
    });
    const leader = leaders.get(reviewed.leaderId) ?? (await usersById(ctx, [reviewed.leaderId])).get(reviewed.leaderId);
    return teamSummary(reviewed, orgs, leader, null, ctx.now());
  },

  refresh: async ({ ctx, caller, input, team }) => {
    requireRegistered(team);
    const [orgs, members] = await Promise.all([loadOrgs(ctx), teamMembers(ctx, team._id)]);
    requireOrg(orgs, input.partyOrgId, 'party');
    const { teamId: _teamId, ...details } = input;
    const changed = (Object.keys(details) as (keyof typeof details)[]).filter((key) => details[key] !== team[key]);
    const [organizers, people] = await Promise.all([
      changed.length ? organizersOf(ctx.db, orgs, team.leagueOrgId) : [],
      usersById(ctx, detailPeopleIds(team, members)),
    ]);
    const after = await ctx.db.runTransaction(async (tx) => {
      const current = await txFind(tx, 'teams', team._id);
      const now = ctx.now();
      await txUpdate(tx, 'teams', team._id, { ...details, refreshedAt: now });
      const summary = changed.length ? `更新备案信息：${changed.join('、')}` : '确认备案信息无变化';
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'refresh',
        target: `teams/${team._id}`,
        orgId: team.leagueOrgId,
        teamId: team._id,
        summary,
      });
      for (const organizer of organizers) {
        await enqueue(
          tx,
          now,
          teamChangedMessage(
            team,
            organizer,
            `refreshed_${now}`,
            '备案信息已更新',
            `「${details.name}」更新了备案信息（${changed.join('、')}）。`,
            now,
          ),
        );
      }
      return { ...(current ?? team), ...details, refreshedAt: now };
    });
    return leaderDetail(ctx, caller, after, members, { orgs, members, people });
  },
};
