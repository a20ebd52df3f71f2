/** Letters shaped for the screens, and how a team's records split across party organizations. */
import type { Letter, LetterBasis, LetterItem, Member, Org, Team } from '../../../core/types';
import type { LetterBasisView, LetterCard, LetterDetail, LetterItemView } from '../../../core/views';
import { findFields } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { orgName } from '../../runtime/orgs';
import { statedBasis } from '../../../core/feedback-rules';
import { transferView } from './transfers';

/** A basis as anyone may read it: names and orgs, not user ids. */
function basisView(basis: LetterBasis): LetterBasisView {
  if (basis.kind === 'system') return { kind: 'system', method: basis.method };
  return { kind: basis.kind, byName: basis.byName, orgName: basis.orgName };
}

export function itemView(item: LetterItem): LetterItemView {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    detail: item.detail,
    memberNames: item.memberNames,
    basis: basisView(statedBasis(item)),
    confirmedAt: item.confirmedAt,
  };
}

export function letterCard(letter: Letter, orgs: Org[]): LetterCard {
  return {
    id: letter._id,
    refCode: letter.refCode,
    status: letter.status,
    teamId: letter.teamId,
    teamName: letter.teamName,
    partyOrgName: letter.partyOrgId ? orgName(orgs, letter.partyOrgId) : '（发出时按党组织拆分）',
    period: letter.period,
    itemCount: letter.items.length,
    issuedAt: letter.issuedAt,
    flagged: letter.flagged,
  };
}

export function letterDetail(letter: Letter, orgs: Org[], names: Map<string, string>, viewer: LetterDetail['viewer']): LetterDetail {
  return {
    ...letterCard(letter, orgs),
    orgName: orgName(orgs, letter.issuerOrgId ?? letter.leagueOrgId),
    items: letter.items.map(itemView),
    transfers: (letter.transfers ?? []).map(transferView),
    note: letter.note,
    issuedByName: letter.issuedBy ? (names.get(letter.issuedBy) ?? '') : '',
    openedAt: letter.openedAt,
    ack: letter.ack ? { byName: names.get(letter.ack.by) ?? '', at: letter.ack.at, reply: letter.ack.reply } : null,
    viewer,
  };
}

/**
 * Whose part goes where: a team's members by party organization. A cross-unit team's members
 * each belong to their own home party organization; otherwise everyone is the team's unit's.
 */
export function partsOf(team: Team, members: Pick<Member, 'userId' | 'homePartyOrgId'>[]): Map<string, Set<string>> {
  const parts = new Map<string, Set<string>>();
  for (const member of members) {
    const partyOrgId = team.crossUnit ? member.homePartyOrgId || team.partyOrgId : team.partyOrgId;
    parts.set(partyOrgId, (parts.get(partyOrgId) ?? new Set()).add(member.userId));
  }
  if (!parts.size) parts.set(team.partyOrgId, new Set());
  return parts;
}

/** Each party organization's letter: the items that concern its members, naming only them. */
export function splitItems(
  items: LetterItem[],
  parts: Map<string, Set<string>>,
  team: Team,
): { partyOrgId: string; items: LetterItem[] }[] {
  const everyone = new Set([...parts.values()].flatMap((members) => [...members]));
  return [...parts.entries()]
    .map(([partyOrgId, members]) => ({
      partyOrgId,
      items: items.flatMap((item) => {
        const mine = item.memberIds
          .map((userId, index) => ({ userId, name: item.memberNames[index] }))
          .filter((one) => members.has(one.userId));
        // Records of people no longer on the team go to the team's own unit.
        const orphan = partyOrgId === team.partyOrgId && !item.memberIds.some((userId) => everyone.has(userId));
        if (!mine.length && !orphan) return [];
        return [
          {
            ...item,
            memberIds: orphan ? item.memberIds : mine.map((one) => one.userId),
            memberNames: orphan ? item.memberNames : mine.map((one) => one.name),
          },
        ];
      }),
    }))
    .filter((part) => part.items.length > 0);
}

export type Contact = { _id: string; realName: string; nickname: string };

/** Users bound as contacts of each of these party organizations, in one read. */
export async function contactsByPartyOrg(ctx: Ctx, partyOrgIds: string[]): Promise<Map<string, Contact[]>> {
  const ids = [...new Set(partyOrgIds.filter(Boolean))];
  const byOrg = new Map<string, Contact[]>(ids.map((id) => [id, []]));
  if (!ids.length) return byOrg;
  const users = await findFields(ctx.db, 'users', { roles: { role: 'partyContact', scopeId: ctx.db.command.in(ids) } }, [
    'realName',
    'nickname',
    'roles',
  ]);
  for (const user of users) {
    const scopes = new Set(user.roles.filter((grant) => grant.role === 'partyContact').map((grant) => grant.scopeId));
    for (const [id, contacts] of byOrg)
      if (scopes.has(id)) contacts.push({ _id: user._id, realName: user.realName, nickname: user.nickname });
  }
  return byOrg;
}
