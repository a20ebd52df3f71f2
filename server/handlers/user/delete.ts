/**
 * 注销账号: the personal fields of the user record are erased and the record kept, so every log,
 * achievement, sign-in and letter that names the user still stands, shown as 已注销用户 (nickname
 * set to it, real name empty: displayName gives it). Memberships and subscription consents go.
 */
import { AppError } from '../../../core/errors';
import type { Member, Team, User } from '../../../core/types';
import type { AccountDeleted } from '../../../core/views';
import { txFind, txUpdate } from '../../db/collections';
import { fieldsByIds, find, findFields } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { membershipsOf } from '../../runtime/lookups';
import { enqueue } from '../../runtime/outbox';
import { displayName } from '../../runtime/users';
import { teamChangedMessage } from '../team/messages';
import { grantId, organizerHolders } from '../../runtime/organizers';
import { loadOrgs } from '../../runtime/orgs';

export const DELETED_NAME = '已注销用户';

type TeamFacts = Pick<Team, '_id' | 'name' | 'status' | 'leaderId'>;

/** A leader of a registered team must hand it over first; a team still being reviewed must be decided first. */
function refuseWhileResponsible(memberships: Pick<Member, 'teamId' | 'role'>[], teams: Map<string, TeamFacts>, pending: TeamFacts[]): void {
  for (const member of memberships) {
    const team = teams.get(member.teamId);
    if (member.role === 'leader' && team?.status === 'registered') {
      throw new AppError('STATE_CONFLICT', `你是「${team.name}」的队长，请先移交队长身份再注销`);
    }
  }
  if (pending.length) {
    throw new AppError('STATE_CONFLICT', `你申请组建的「${pending[0].name}」还在审核中，请等审核结束后再注销`);
  }
}

/**
 * The only organizer of a top-level org would leave it with nobody to manage the tree (the setup
 * code is spent): they invite a successor first.
 */
async function refuseIfLastTopOrganizer(ctx: Ctx, caller: User): Promise<void> {
  const scopes = caller.roles.filter((role) => role.role === 'organizer').map((role) => role.scopeId);
  if (!scopes.length) return;
  const orgs = await loadOrgs(ctx);
  const tops = orgs.filter((org) => scopes.includes(org._id) && org.parentId === null && !org.retiredAt);
  for (const top of tops) {
    const holders = await organizerHolders(ctx, top._id);
    if (!holders.some((holder) => holder._id !== caller._id)) {
      throw new AppError('STATE_CONFLICT', `你是「${top.name}」唯一的管理员，请先在「组织管理」中邀请另一位管理员，再注销`);
    }
  }
}

const ERASED = { nickname: DELETED_NAME, realName: '', unitName: '', phone: '', avatar: '' } as const;

export async function deleteAccount(ctx: Ctx, caller: User): Promise<AccountDeleted> {
  const memberships = await membershipsOf(ctx, caller._id);
  const [teamList, pending, consents, reviewing] = await Promise.all([
    fieldsByIds(
      ctx.db,
      'teams',
      memberships.map((member) => member.teamId),
      ['name', 'status', 'leaderId', 'leagueOrgId'],
    ),
    findFields(ctx.db, 'teams', { applicantId: caller._id, status: 'pending' }, ['name', 'status', 'leaderId'], { limit: 1 }),
    find(ctx.db, 'consents', { userId: caller._id }),
    // Challenges the caller reviews as the issuer's contact: the binding ends with the account.
    findFields(ctx.db, 'challenges', { reviewerId: caller._id }, ['title', 'leagueOrgId']),
  ]);
  const teams = new Map(teamList.map((team) => [team._id, team]));
  refuseWhileResponsible(memberships, teams, pending);
  await refuseIfLastTopOrganizer(ctx, caller);
  // Deleted already and nothing joined since: a second request changes nothing.
  if (caller.deletedAt && !memberships.length && !consents.length && !reviewing.length)
    return { deleted: true, deletedAt: caller.deletedAt };

  const name = displayName(caller);
  return ctx.db.runTransaction(async (tx) => {
    // Read again inside: a hand-over or a removal a moment ago decides what is left to end.
    const current = await Promise.all(memberships.map((member) => txFind(tx, 'members', member._id)));
    const ending = current.filter((member): member is Member => member !== null);
    refuseWhileResponsible(ending, teams, []);
    const now = ctx.now();
    for (const member of ending) {
      const team = teams.get(member.teamId);
      const teamName = team?.name ?? member.teamId;
      await tx.collection('members').doc(member._id).remove();
      if (team) await txUpdate(tx, 'teams', team._id, { memberCount: ctx.db.command.inc(-1) });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'user',
        action: 'deleteAccount',
        target: `members/${member._id}`,
        orgId: team?.leagueOrgId,
        teamId: member.teamId,
        summary: `注销账号，退出「${teamName}」`,
      });
      if (team?.status === 'registered' && team.leaderId !== caller._id) {
        await enqueue(
          tx,
          now,
          teamChangedMessage(
            team,
            team.leaderId,
            `left_${caller._id}_${now}`,
            '有成员退出',
            `${name}注销了账号，已不在「${team.name}」中。其进展、成果等记录仍保留，显示为「${DELETED_NAME}」。`,
            now,
          ),
        );
      }
    }
    for (const consent of consents) await tx.collection('consents').doc(consent._id).remove();
    for (const challenge of reviewing) {
      await txUpdate(tx, 'challenges', challenge._id, { reviewerId: null, updatedAt: now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'user',
        action: 'deleteAccount',
        target: `challenges/${challenge._id}`,
        orgId: challenge.leagueOrgId,
        summary: `注销账号，不再担任「${challenge.title}」的评审联系人`,
      });
    }
    // The organizer ledger says the roles ended with the account (the user record's roles go below).
    for (const role of caller.roles) {
      if (role.role !== 'organizer') continue;
      const grant = await txFind(tx, 'organizers', grantId(role.scopeId, caller._id));
      if (grant && !grant.revokedAt) {
        await txUpdate(tx, 'organizers', grant._id, { revokedAt: now, revokedBy: caller._id, revokeReason: '注销账号' });
      }
    }
    await txUpdate(tx, 'users', caller._id, { ...ERASED, roles: ctx.db.command.set([]), deletedAt: now, updatedAt: now });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'user',
      action: 'deleteAccount',
      target: `users/${caller._id}`,
      summary: '注销账号',
    });
    return { deleted: true as const, deletedAt: now };
  });
}
