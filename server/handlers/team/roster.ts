/** Who is on a team: joining by invite code, removal, hand-over, leaving and dissolution. */
import { AppError } from '../../../core/errors';
import type { Team } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { memberIdOf, teamMembers, usersById } from '../../runtime/lookups';
import { loadOrgs } from '../../runtime/orgs';
import { enqueue, enqueueNew, type OutgoingMessage } from '../../runtime/outbox';
import { displayName, requireProfile } from '../../runtime/users';
import { leaderDetail, readBasis } from './detail';
import { admitGuess } from '../../runtime/guesses';
import { lookUpCode, refuseGuess, requireOrg, requireRegistered } from './guards';
import { teamChangedMessage } from './messages';
import { teamSummary } from './views';

/** Remove one membership (never the leader's) with its count, audit entry and message, all or nothing. */
async function endMembership(
  ctx: Ctx,
  team: Team,
  userId: string,
  how: { actor: string; action: string; missing: string; summary: string; message: (now: number) => OutgoingMessage },
): Promise<Team> {
  const memberId = memberIdOf(team._id, userId);
  return ctx.db.runTransaction(async (tx) => {
    const [member, current] = await Promise.all([txFind(tx, 'members', memberId), txFind(tx, 'teams', team._id)]);
    if (!member) throw new AppError('NOT_FOUND', how.missing);
    if (member.role === 'leader') throw new AppError('LEADER_MUST_TRANSFER');
    const now = ctx.now();
    await tx.collection('members').doc(memberId).remove();
    await txUpdate(tx, 'teams', team._id, { memberCount: ctx.db.command.inc(-1) });
    await audit(tx, {
      at: now,
      actor: how.actor,
      fn: 'team',
      action: how.action,
      target: `members/${memberId}`,
      orgId: team.leagueOrgId,
      teamId: team._id,
      summary: how.summary,
    });
    await enqueue(tx, now, how.message(now));
    const base = current ?? team;
    return { ...base, memberCount: base.memberCount - 1 };
  });
}

export const rosterHandlers: Pick<Handlers<'team'>, 'join' | 'removeMember' | 'transferLeader' | 'dissolve' | 'leave'> = {
  join: async ({ ctx, caller, input }) => {
    const [{ team: found, guess, spent }, orgs] = await Promise.all([lookUpCode(ctx, caller._id, input.inviteCode), loadOrgs(ctx)]);
    if (spent) refuseGuess('refused');
    if (!found) return refuseGuess(await ctx.db.runTransaction((tx) => admitGuess(tx, guess, false)));
    const team = found;
    requireProfile(caller, '加入突击队');
    const homeUnit = team.crossUnit ? input.homeUnit || caller.unitName : team.unitName;
    const homePartyOrgId = team.crossUnit ? (input.homePartyOrgId ?? team.partyOrgId) : team.partyOrgId;
    requireOrg(orgs, homePartyOrgId, 'party');
    const leaders = await usersById(ctx, [team.leaderId]);
    const memberId = memberIdOf(team._id, caller._id);
    const joined = await ctx.db.runTransaction(async (tx) => {
      // The attempt is admitted in the joining transaction itself: one transaction in all.
      if ((await admitGuess(tx, guess, true)) === 'refused') return null;
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
        orgId: current.leagueOrgId,
        teamId: team._id,
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
    if (!joined) return refuseGuess('refused');
    // Only a hand-over between the two reads makes the leader read before the change the wrong one.
    const leader = leaders.get(joined.leaderId) ?? (await usersById(ctx, [joined.leaderId])).get(joined.leaderId);
    return teamSummary(joined, orgs, leader, 'member', ctx.now());
  },

  removeMember: async ({ ctx, caller, input, team }) => {
    requireRegistered(team);
    if (input.userId === caller._id) throw new AppError('STATE_CONFLICT', '不能移除自己；如需离开，请先移交队长身份');
    const basis = await readBasis(ctx, team);
    const after = await endMembership(ctx, team, input.userId, {
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
    const members = basis.members.filter((member) => member.userId !== input.userId);
    return leaderDetail(ctx, caller, after, members, basis);
  },

  transferLeader: async ({ ctx, caller, input, team }) => {
    requireRegistered(team);
    if (input.userId === caller._id) throw new AppError('STATE_CONFLICT', '你已经是队长');
    const basis = await readBasis(ctx, team);
    const targetId = memberIdOf(team._id, input.userId);
    const after = await ctx.db.runTransaction(async (tx) => {
      const [target, current] = await Promise.all([txFind(tx, 'members', targetId), txFind(tx, 'teams', team._id)]);
      if (!target) throw new AppError('NOT_FOUND', '只能移交给本队成员');
      const now = ctx.now();
      await txUpdate(tx, 'members', memberIdOf(team._id, caller._id), { role: 'member' });
      await txUpdate(tx, 'members', targetId, { role: 'leader' });
      await txUpdate(tx, 'teams', team._id, { leaderId: input.userId });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'team',
        action: 'transferLeader',
        target: `teams/${team._id}`,
        orgId: team.leagueOrgId,
        teamId: team._id,
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
      return { ...(current ?? team), leaderId: input.userId };
    });
    const roleAfter = (userId: string) => (userId === input.userId ? 'leader' : userId === caller._id ? 'member' : null);
    const members = basis.members.map((member) => ({ ...member, role: roleAfter(member.userId) ?? member.role }));
    return leaderDetail(ctx, caller, after, members, basis);
  },

  dissolve: async ({ ctx, caller, input, team }) => {
    requireRegistered(team);
    const [first, orgs] = await Promise.all([teamMembers(ctx, team._id), loadOrgs(ctx)]);
    let members = first;
    let dissolved: Team | null = null;
    // The messages go to the members read before the transaction; if the count the transaction
    // sees says someone joined or left meanwhile, the list is read again and the change retried
    // (twice at most: then the list as last read stands, rather than never finishing).
    for (let attempt = 1; !dissolved; attempt += 1) {
      const roster = members;
      const lastTry = attempt >= 3;
      dissolved = await ctx.db.runTransaction(async (tx): Promise<Team | null> => {
        const current = (await txFind(tx, 'teams', team._id)) ?? team;
        // Checked inside the transaction: a second dissolve never writes its messages again.
        requireRegistered(current);
        if (current.memberCount !== roster.length && !lastTry) return null;
        const now = ctx.now();
        const changes: Partial<Team> = { status: 'dissolved', dissolved: { by: caller._id, at: now, reason: input.reason } };
        await txUpdate(tx, 'teams', team._id, { ...changes, dissolved: ctx.db.command.set(changes.dissolved) });
        await audit(tx, {
          at: now,
          actor: caller._id,
          fn: 'team',
          action: 'dissolve',
          target: `teams/${team._id}`,
          orgId: current.leagueOrgId,
          teamId: team._id,
          summary: `解散「${team.name}」：${input.reason}`,
        });
        for (const member of roster.filter((m) => m.userId !== caller._id)) {
          await enqueueNew(
            tx,
            now,
            teamChangedMessage(
              current,
              member.userId,
              'dissolved',
              '队伍已解散',
              `「${current.name}」已由队长解散。原因：${input.reason}`,
              now,
            ),
          );
        }
        return { ...current, ...changes };
      });
      if (!dissolved) members = await teamMembers(ctx, team._id);
    }
    return teamSummary(dissolved, orgs, caller, 'leader', ctx.now());
  },

  leave: async ({ ctx, caller, team }) => {
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
};
