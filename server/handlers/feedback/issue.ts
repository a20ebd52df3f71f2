/**
 * Issuing a team's letters: one per party organization, stating only records confirmed now. Every
 * letter of the team also lists the team's confirmed transfers in the period (a contract is the
 * team's result, not one member's, and is not picked: all confirmed ones are stated).
 */
import { AppError } from '../../../core/errors';
import { periodUpTo, REF_CODE_LENGTH } from '../../../core/feedback-rules';
import type { Letter, Org, Team, User } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { find } from '../../db/query';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import type { Ctx } from '../../runtime/context';
import type { HandlerArgs } from '../../runtime/function';
import { membersOfTeams } from '../../runtime/lookups';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { letterIssuedMessage } from './messages';
import { actingLeagueOrgId, readRefs, readSources, recordsOf } from './records';
import { confirmerIds, letterTransfers, readTransfers } from './transfers';
import { contactsByPartyOrg, letterCard, partsOf, splitItems } from './views';

/** The org that signs: the one the issuer acts for over the team (their own organizer role's), not the team's. */
function signingOrgId(orgs: Org[], caller: User, team: Team): string {
  const orgId = actingLeagueOrgId(orgs, caller, team.leagueOrgId);
  if (!orgId) throw new AppError('FORBIDDEN', '只有该队伍所属团组织的管理员可以发出反馈函');
  return orgId;
}

/** A fresh reference code per party organization, all different. */
async function refCodes(ctx: Ctx, partyOrgIds: string[]): Promise<Map<string, string>> {
  const codes = await Promise.all(partyOrgIds.map(() => uniqueCode(ctx, 'letters', 'refCode', REF_CODE_LENGTH)));
  for (let at = 0; at < codes.length; at += 1) {
    while (codes.indexOf(codes[at]) !== at) codes[at] = await uniqueCode(ctx, 'letters', 'refCode', REF_CODE_LENGTH);
  }
  return new Map(partyOrgIds.map((id, at) => [id, codes[at]]));
}

export async function issue({ ctx, caller, input, team }: HandlerArgs<'feedback', 'issue'>) {
  const now = ctx.now();
  const period = periodUpTo(input, now);
  const [already, draft, orgs, sources, members, transfers] = await Promise.all([
    find(ctx.db, 'letters', { requestId: input.requestId }, { limit: 50 }),
    input.draftId ? findById(ctx.db, 'letters', input.draftId) : null,
    loadOrgs(ctx),
    readSources(ctx, [team._id], period.from, period.to),
    membersOfTeams(ctx, [team._id]),
    readTransfers(ctx, team._id),
  ]);
  if (already.length) return already.map((letter) => letterCard(letter, orgs));
  if (input.draftId && (!draft || draft.status !== 'draft' || draft.teamId !== team._id))
    throw new AppError('NOT_FOUND', '找不到这份草稿，可能已发出');
  if (period.from > period.to) throw new AppError('STATE_CONFLICT', '开始日期不能晚于发函当天');
  const issuerOrgId = signingOrgId(orgs, caller, team);
  const parts = partsOf(team, members);
  const [refs, contacts, codes] = await Promise.all([
    readRefs(ctx, sources, confirmerIds(transfers)),
    contactsByPartyOrg(ctx, [...parts.keys()]),
    refCodes(ctx, [...parts.keys()]),
  ]);
  // The letter states only what is confirmed now; a pick that is not among them is refused, never included.
  const records = recordsOf(team._id, sources, refs, orgs, period, now);
  const picked = [...new Set(input.itemIds)];
  const missing = picked.filter((itemId) => !records.some((record) => record.id === itemId));
  if (missing.length) throw new AppError('STATE_CONFLICT', `有 ${missing.length} 项记录不是该时段内已确认的记录，请刷新后重新选择`);
  const stated = letterTransfers(transfers, refs.users, period, now);
  const letters: Letter[] = splitItems(
    records.filter((record) => picked.includes(record.id)),
    parts,
    team,
  ).map((part) => ({
    _id: `lt-${input.requestId}-${part.partyOrgId}`.slice(0, 64),
    refCode: codes.get(part.partyOrgId) ?? null,
    status: 'issued',
    teamId: team._id,
    teamName: team.name,
    leagueOrgId: team.leagueOrgId,
    partyOrgId: part.partyOrgId,
    period,
    items: part.items,
    transfers: stated,
    note: input.note,
    quarter: draft?.quarter ?? null,
    issuedBy: caller._id,
    issuerOrgId,
    issuedAt: now,
    openedAt: null,
    ack: null,
    remindedAt: null,
    flagged: false,
    requestId: input.requestId,
    createdAt: now,
  }));
  await ctx.db.runTransaction(async (tx) => {
    for (const letter of letters) {
      if (await txFind(tx, 'letters', letter._id)) continue;
      await txSet(tx, 'letters', letter);
      for (const contact of contacts.get(letter.partyOrgId ?? '') ?? [])
        await enqueue(tx, now, letterIssuedMessage(letter, orgName(orgs, issuerOrgId), contact._id, 'issued', now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'feedback',
        action: 'issue',
        target: `letters/${letter._id}`,
        orgId: letter.leagueOrgId,
        teamId: letter.teamId,
        summary: `向${orgName(orgs, letter.partyOrgId)}发出「${team.name}」反馈函 ${letter.refCode}（${letter.items.length} 项${stated.length ? `，成果转化 ${stated.length} 项` : ''}）`,
      });
    }
    if (draft) await txUpdate(tx, 'letters', draft._id, { status: 'issued', issuedBy: caller._id, issuerOrgId, issuedAt: now });
  });
  return letters.map((letter) => letterCard(letter, orgs));
}
