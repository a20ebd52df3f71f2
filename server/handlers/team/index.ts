import { createHash } from 'node:crypto';
import { AppError } from '../../../core/errors';
import { INVITE_LENGTH, REFRESH_AFTER_DAYS } from '../../../core/team-rules';
import { DAY_MS } from '../../../core/time';
import type { Member, Org, Team, User } from '../../../core/types';
import { findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData } from '../../db/types';
import { isTeamOrganizer, memberRole } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { loadOrgs, managedLeagueOrgIds, organizersOf } from '../../runtime/orgs';
import { enqueue, type OutgoingMessage } from '../../runtime/outbox';
import { displayName, requireProfile } from '../../runtime/users';
import { reviewedMessage, teamChangedMessage } from './messages';
import { teamDetail, teamSummaries, teamSummary } from './views';
import { membershipsOf, teamMembers, usersById } from '../../runtime/lookups';

function requireOrg(orgs: Org[], id: string, kind: Org['kind']): Org {
  const org = orgs.find((candidate) => candidate._id === id && candidate.kind === kind);
  if (!org) throw new AppError('INVALID_INPUT', kind === 'league' ? '请选择有效的所属团组织' : '请选择有效的党组织');
  return org;
}

function requireRegistered(team: Team): void {
  if (team.status !== 'registered') {
    throw new AppError('STATE_CONFLICT', team.status === 'dissolved' ? '该突击队已解散' : '该突击队尚未完成备案');
  }
}

async function teamByCode(ctx: Ctx, code: string): Promise<Team> {
  const [team] = await findMany('teams', ctx.db.collection('teams').where({ inviteCode: code, status: 'registered' }).limit(1));
  if (!team) throw new AppError('INVITE_INVALID');
  return team;
}

async function viewerOf(ctx: Ctx, caller: User, team: Team) {
  const role = await memberRole(ctx, team._id, caller._id);
  const viewer = {
    isMember: role !== null,
    isLeader: role === 'leader',
    isOrganizer: await isTeamOrganizer(ctx, caller, team),
    isApplicant: team.applicantId === caller._id,
  };
  const myRole = role ?? (viewer.isApplicant && team.status !== 'registered' ? 'applicant' : null);
  return { viewer, myRole } as const;
}

async function detailFor(ctx: Ctx, caller: User, teamId: string) {
  const team = await findById(ctx.db, 'teams', teamId);
  if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队');
  const { viewer, myRole } = await viewerOf(ctx, caller, team);
  return teamDetail(ctx, team, await loadOrgs(ctx), viewer, myRole);
}

async function membersOf(ctx: Ctx, teamId: string): Promise<Member[]> {
  return teamMembers(ctx, teamId);
}

/** Remove one membership (never the leader's) with its count, audit entry and message, all or nothing. */
async function endMembership(
  ctx: Ctx,
  team: Team,
  userId: string,
  how: { actor: string; action: string; missing: string; summary: string; message: (now: number) => OutgoingMessage },
): Promise<void> {
  const memberId = `${team._id}_${userId}`;
  await ctx.db.runTransaction(async (tx) => {
    const member = await txFind(tx, 'members', memberId);
    if (!member) throw new AppError('NOT_FOUND', how.missing);
    if (member.role === 'leader') throw new AppError('LEADER_MUST_TRANSFER');
    const now = ctx.now();
    await tx.collection('members').doc(memberId).remove();
    await txUpdate(tx, 'teams', team._id, { memberCount: ctx.db.command.inc(-1) });
    await audit(tx, { at: now, actor: how.actor, fn: 'team', action: how.action, target: `members/${memberId}`, summary: how.summary });
    await enqueue(tx, now, how.message(now));
  });
}

export const teamHandlers: Handlers<'team'> = {
  orgOptions: async ({ ctx }) => {
    const orgs = await loadOrgs(ctx);
    const option = (org: Org) => ({ id: org._id, name: org.name, unitName: org.unitName, parentId: org.parentId });
    return {
      league: orgs.filter((org) => org.kind === 'league').map(option),
      party: orgs.filter((org) => org.kind === 'party').map(option),
    };
  },

  apply: async ({ ctx, caller, input }) => {
    requireProfile(caller, '申请组建突击队');
    const orgs = await loadOrgs(ctx);
    requireOrg(orgs, input.leagueOrgId, 'league');
    requireOrg(orgs, input.partyOrgId, 'party');
    const teamId = `t${createHash('sha1').update(`${caller._id}:${input.requestId}`).digest('hex').slice(0, 20)}`;
    const already = await findById(ctx.db, 'teams', teamId);
    if (already) return teamSummary(already, orgs, caller, 'applicant', ctx.now());

    const _ = ctx.db.command;
    const { total: sameName } = await ctx.db
      .collection('teams')
      .where({ leagueOrgId: input.leagueOrgId, name: input.name, status: _.in(['pending', 'registered']) })
      .count();
    if (sameName > 0) throw new AppError('DUPLICATE', '该团组织下已有同名的突击队或申请，请换一个名称');
    const verdict = await checkText(ctx, 1, input.name, input.intro);
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

  mine: async ({ ctx, caller }) => {
    const _ = ctx.db.command;
    const memberships = await membershipsOf(ctx, caller._id);
    const roleByTeam = new Map(memberships.map((member) => [member.teamId, member.role]));
    const [joined, applied] = await Promise.all([
      memberships.length
        ? findMany(
            'teams',
            ctx.db
              .collection('teams')
              .where({ _id: _.in([...roleByTeam.keys()]) })
              .limit(1000),
          )
        : Promise.resolve([]),
      findMany(
        'teams',
        ctx.db
          .collection('teams')
          .where({ applicantId: caller._id, status: _.in(['pending', 'rejected']) })
          .limit(100),
      ),
    ]);
    const teams = [...joined, ...applied].sort((a, b) => b.appliedAt - a.appliedAt);
    return teamSummaries(ctx, teams, await loadOrgs(ctx), (team) => roleByTeam.get(team._id) ?? 'applicant');
  },

  detail: async ({ ctx, caller, input }) => {
    const detail = await detailFor(ctx, caller, input.teamId);
    const { isMember, isOrganizer, isApplicant } = detail.viewer;
    if (!isMember && !isOrganizer && !isApplicant && (detail.status === 'pending' || detail.status === 'rejected')) {
      throw new AppError('NOT_FOUND', '找不到这支突击队');
    }
    return detail;
  },

  preview: async ({ ctx, caller, input }) => {
    const team = await teamByCode(ctx, input.inviteCode);
    const leaders = await usersById(ctx, [team.leaderId]);
    return {
      id: team._id,
      name: team.name,
      field: team.field,
      unitName: team.unitName,
      crossUnit: team.crossUnit,
      memberCount: team.memberCount,
      leaderName: displayName(leaders.get(team.leaderId)),
      partyOrgId: team.partyOrgId,
      alreadyMember: (await memberRole(ctx, team._id, caller._id)) !== null,
    };
  },

  join: async ({ ctx, caller, input }) => {
    const team = await teamByCode(ctx, input.inviteCode);
    requireProfile(caller, '加入突击队');
    const orgs = await loadOrgs(ctx);
    const homeUnit = team.crossUnit ? input.homeUnit || caller.unitName : team.unitName;
    const homePartyOrgId = team.crossUnit ? (input.homePartyOrgId ?? team.partyOrgId) : team.partyOrgId;
    requireOrg(orgs, homePartyOrgId, 'party');
    const memberId = `${team._id}_${caller._id}`;
    const joined = await ctx.db.runTransaction(async (tx) => {
      const current = await txFind(tx, 'teams', team._id);
      if (!current || current.status !== 'registered') throw new AppError('INVITE_INVALID');
      if (await txFind(tx, 'members', memberId)) return current;
      const now = ctx.now();
      await txSet(tx, 'members', {
        _id: memberId,
        teamId: team._id,
        userId: caller._id,
        role: 'member',
        homeUnit,
        homePartyOrgId,
        joinedAt: now,
      });
      await txUpdate(tx, 'teams', team._id, { memberCount: ctx.db.command.inc(1) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'join',
        target: `members/${memberId}`,
        summary: `通过邀请码加入「${current.name}」`,
      });
      await enqueue(
        tx,
        now,
        teamChangedMessage(
          current,
          current.leaderId,
          `joined_${caller._id}_${now}`,
          '有新成员加入',
          `${displayName(caller)}（${homeUnit}）通过邀请码加入了队伍。`,
          now,
        ),
      );
      return { ...current, memberCount: current.memberCount + 1 };
    });
    const leaders = await usersById(ctx, [joined.leaderId]);
    return teamSummary(joined, orgs, leaders.get(joined.leaderId), 'member', ctx.now());
  },

  pending: async ({ ctx, caller }) => {
    const orgs = await loadOrgs(ctx);
    const managed = [...managedLeagueOrgIds(orgs, caller)];
    const teams = await findMany(
      'teams',
      ctx.db
        .collection('teams')
        .where({ status: 'pending', leagueOrgId: ctx.db.command.in(managed) })
        .orderBy('appliedAt', 'asc')
        .limit(100),
    );
    return teamSummaries(ctx, teams, orgs);
  },

  orgTeams: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const orgs = await loadOrgs(ctx);
    const where: DocData = { leagueOrgId: _.in([...managedLeagueOrgIds(orgs, caller)]) };
    if (input.status === 'refreshDue') {
      where.status = 'registered';
      where.refreshedAt = _.lt(ctx.now() - REFRESH_AFTER_DAYS * DAY_MS);
    } else if (input.status !== 'all') {
      where.status = input.status;
    }
    const teams = await findMany('teams', ctx.db.collection('teams').where(where).orderBy('appliedAt', 'desc').limit(500));
    return teamSummaries(ctx, teams, orgs);
  },

  review: async ({ ctx, caller, input, team }) => {
    if (!team) throw new AppError('NOT_FOUND');
    const approve = input.decision === 'approve';
    const inviteCode = approve ? await uniqueCode(ctx, 'teams', 'inviteCode', INVITE_LENGTH) : '';
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
        summary: approve ? `备案通过「${current.name}」` : `驳回「${current.name}」：${input.reason}`,
      });
      const updated = { ...current, ...changes } as Team;
      await enqueue(tx, now, reviewedMessage(updated, approve, input.reason, now));
      return updated;
    });
    const leaders = await usersById(ctx, [reviewed.leaderId]);
    return teamSummary(reviewed, await loadOrgs(ctx), leaders.get(reviewed.leaderId), null, ctx.now());
  },

  removeMember: async ({ ctx, caller, input, team }) => {
    if (!team) throw new AppError('NOT_FOUND');
    requireRegistered(team);
    if (input.userId === caller._id) throw new AppError('STATE_CONFLICT', '不能移除自己；如需离开，请先移交队长身份');
    await endMembership(ctx, team, input.userId, {
      actor: caller._id,
      action: 'removeMember',
      missing: '该成员已不在队伍中',
      summary: `队长将成员移出「${team.name}」`,
      message: (now) =>
        teamChangedMessage(
          team,
          input.userId,
          `removed_${now}`,
          '你已被移出队伍',
          `队长已将你移出「${team.name}」。如有疑问请联系队长。`,
          now,
        ),
    });
    return detailFor(ctx, caller, team._id);
  },

  transferLeader: async ({ ctx, caller, input, team }) => {
    if (!team) throw new AppError('NOT_FOUND');
    requireRegistered(team);
    if (input.userId === caller._id) throw new AppError('STATE_CONFLICT', '你已经是队长');
    const targetId = `${team._id}_${input.userId}`;
    await ctx.db.runTransaction(async (tx) => {
      if (!(await txFind(tx, 'members', targetId))) throw new AppError('NOT_FOUND', '只能移交给本队成员');
      const now = ctx.now();
      await txUpdate(tx, 'members', `${team._id}_${caller._id}`, { role: 'member' });
      await txUpdate(tx, 'members', targetId, { role: 'leader' });
      await txUpdate(tx, 'teams', team._id, { leaderId: input.userId });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'transferLeader',
        target: `teams/${team._id}`,
        summary: `队长移交给 ${input.userId}`,
      });
      await enqueue(
        tx,
        now,
        teamChangedMessage(
          team,
          input.userId,
          `leader_${now}`,
          '你已成为队长',
          `${displayName(caller)}将「${team.name}」的队长身份移交给了你。`,
          now,
        ),
      );
    });
    return detailFor(ctx, caller, team._id);
  },

  dissolve: async ({ ctx, caller, input, team }) => {
    if (!team) throw new AppError('NOT_FOUND');
    requireRegistered(team);
    const members = await membersOf(ctx, team._id);
    const dissolved = await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      const changes: Partial<Team> = { status: 'dissolved', dissolved: { by: caller._id, at: now, reason: input.reason } };
      await txUpdate(tx, 'teams', team._id, { ...changes, dissolved: ctx.db.command.set(changes.dissolved) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'dissolve',
        target: `teams/${team._id}`,
        summary: `解散「${team.name}」：${input.reason}`,
      });
      for (const member of members.filter((m) => m.userId !== caller._id)) {
        await enqueue(
          tx,
          now,
          teamChangedMessage(team, member.userId, 'dissolved', '队伍已解散', `「${team.name}」已由队长解散。原因：${input.reason}`, now),
        );
      }
      return { ...team, ...changes } as Team;
    });
    return teamSummary(dissolved, await loadOrgs(ctx), caller, 'leader', ctx.now());
  },

  leave: async ({ ctx, caller, team }) => {
    if (!team) throw new AppError('NOT_FOUND');
    await endMembership(ctx, team, caller._id, {
      actor: caller._id,
      action: 'leave',
      missing: '你已不在该队伍中',
      summary: `退出「${team.name}」`,
      message: (now) =>
        teamChangedMessage(
          team,
          team.leaderId,
          `left_${caller._id}_${now}`,
          '有成员退出',
          `${displayName(caller)}退出了「${team.name}」。`,
          now,
        ),
    });
    return { left: true as const };
  },

  refresh: async ({ ctx, caller, input, team }) => {
    if (!team) throw new AppError('NOT_FOUND');
    requireRegistered(team);
    const orgs = await loadOrgs(ctx);
    requireOrg(orgs, input.partyOrgId, 'party');
    const { teamId: _teamId, ...details } = input;
    const changed = (Object.keys(details) as (keyof typeof details)[]).filter((key) => details[key] !== team[key]);
    if (changed.includes('name') || changed.includes('intro')) await checkText(ctx, 1, details.name, details.intro);
    const organizers = changed.length ? await organizersOf(ctx.db, orgs, team.leagueOrgId) : [];
    await ctx.db.runTransaction(async (tx) => {
      const now = ctx.now();
      await txUpdate(tx, 'teams', team._id, { ...details, refreshedAt: now });
      const summary = changed.length ? `更新备案信息：${changed.join('、')}` : '确认备案信息无变化';
      await audit(tx, { at: now, actor: caller._id, fn: 'team', action: 'refresh', target: `teams/${team._id}`, summary });
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
    });
    return detailFor(ctx, caller, team._id);
  },
};
