/** 反馈函: party-org contacts, letters built only from confirmed records, delivery, 签收, verification by code. */
import { AppError } from '../../../core/errors';
import { CONTACT_CODE_DAYS, CONTACT_CODE_LENGTH } from '../../../core/feedback-rules';
import { DAY_MS } from '../../../core/time';
import type { Letter, Org, User } from '../../../core/types';
import type { LetterDetail } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { find } from '../../db/query';
import { isPartyContact } from '../../runtime/access';
import { audit, leagueOrgOf } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import type { Ctx } from '../../runtime/context';
import type { Handlers } from '../../runtime/function';
import { membersOfTeams, usersById } from '../../runtime/lookups';
import { loadOrgs, managedLeagueOrgIds, managesIn, orgName } from '../../runtime/orgs';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { involvement } from './involvement';
import { issue } from './issue';
import { readRefs, readSources, recordsOf, verifyItems } from './records';
import { confirmerIds, letterTransfers, readTransfers, transferView, verifyTransfers } from './transfers';
import { contactsByPartyOrg, itemView, letterDetail, letterCard, partsOf } from './views';
import { early } from '../../runtime/early';

export const LETTERS_PAGE_SIZE = 20;

const NO_LETTER = '找不到这份反馈函';

type Viewer = { isContact: boolean; isOrganizer: boolean };

/** A contact of the receiving party organization (once issued) or an organizer over the team may see a letter. */
function viewerOf(orgs: Org[], caller: User, letter: Letter): Viewer {
  const isContact = letter.status !== 'draft' && isPartyContact(caller, letter.partyOrgId);
  const isOrganizer = managesIn(orgs, caller, letter.leagueOrgId);
  if (!isContact && !isOrganizer) throw new AppError('NOT_FOUND', '找不到这份反馈函，或它不是发给你所在党组织的');
  return { isContact, isOrganizer };
}

/** Names of who issued a letter and who signed for it. */
async function namesOf(ctx: Ctx, ids: (string | null | undefined)[]): Promise<Map<string, string>> {
  const users = await usersById(
    ctx,
    ids.map((id) => id ?? ''),
  );
  return new Map([...users.entries()].map(([id, user]) => [id, displayName(user)]));
}

function detailOf(letter: Letter, orgs: Org[], names: Map<string, string>, viewer: Viewer): LetterDetail {
  return letterDetail(letter, orgs, names, { ...viewer, canAcknowledge: viewer.isContact && letter.status !== 'acknowledged' });
}

export const feedbackHandlers: Handlers<'feedback'> = {
  partyOrgs: async ({ ctx, caller }) => {
    const {
      orgs,
      involved,
      also: contacts,
    } = await involvement(ctx, caller, (tree) =>
      contactsByPartyOrg(
        ctx,
        tree.filter((org) => org.kind === 'party').map((org) => org._id),
      ),
    );
    return orgs
      .filter((org) => org.kind === 'party' && involved.has(org._id))
      .map((org) => ({
        id: org._id,
        name: org.name,
        unitName: org.unitName,
        contacts: (contacts.get(org._id) ?? []).map((user) => user.realName || user.nickname),
      }));
  },

  contactCode: async ({ ctx, caller, input }) => {
    const [{ orgs, involved }, code] = await Promise.all([
      involvement(ctx, caller, async () => null),
      uniqueCode(ctx, 'contactCodes', '_id', CONTACT_CODE_LENGTH),
    ]);
    if (!involved.has(input.partyOrgId)) throw new AppError('FORBIDDEN', '只能为所辖队伍涉及的党组织生成绑定码');
    const now = ctx.now();
    const expiresAt = now + CONTACT_CODE_DAYS * DAY_MS;
    await ctx.db.runTransaction(async (tx) => {
      await txSet(tx, 'contactCodes', {
        _id: code,
        partyOrgId: input.partyOrgId,
        createdBy: caller._id,
        createdAt: now,
        expiresAt,
        usedBy: null,
        usedAt: null,
      });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'feedback',
        action: 'contactCode',
        target: `orgs/${input.partyOrgId}`,
        orgId: leagueOrgOf(orgs, input.partyOrgId),
        summary: '生成党组织联系人绑定码',
      });
    });
    return { code, partyOrgName: orgName(orgs, input.partyOrgId), expiresAt };
  },

  bindContact: async ({ ctx, caller, input }) => {
    const found = await findById(ctx.db, 'contactCodes', input.code);
    if (!found || found.expiresAt < ctx.now()) throw new AppError('INVITE_INVALID', '绑定码无效或已过期，请向团组织管理员重新索取');
    if (found.usedBy && found.usedBy !== caller._id) throw new AppError('INVITE_INVALID', '这个绑定码已被使用，请向团组织管理员重新索取');
    const orgs = await loadOrgs(ctx);
    if (orgs.find((org) => org._id === found.partyOrgId)?.retiredAt) {
      throw new AppError('INVITE_INVALID', '这个党组织已撤销，绑定码随之失效');
    }
    await ctx.db.runTransaction(async (tx) => {
      const code = await txFind(tx, 'contactCodes', input.code);
      if (code?.usedBy && code.usedBy !== caller._id) throw new AppError('INVITE_INVALID', '这个绑定码已被使用，请向团组织管理员重新索取');
      const user = await txFind(tx, 'users', caller._id);
      const roles = user?.roles ?? [];
      const now = ctx.now();
      if (!roles.some((grant) => grant.role === 'partyContact' && grant.scopeId === found.partyOrgId)) {
        await txUpdate(tx, 'users', caller._id, {
          roles: ctx.db.command.set([...roles, { role: 'partyContact', scopeId: found.partyOrgId }]),
          updatedAt: now,
        });
      }
      await txUpdate(tx, 'contactCodes', input.code, { usedBy: caller._id, usedAt: now });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'feedback',
        action: 'bindContact',
        target: `orgs/${found.partyOrgId}`,
        orgId: leagueOrgOf(orgs, found.partyOrgId),
        summary: '绑定为党组织联系人',
      });
    });
    return { partyOrgId: found.partyOrgId, partyOrgName: orgName(orgs, found.partyOrgId) };
  },

  candidates: async ({ ctx, input, team }) => {
    const [orgs, sources, members, transfers] = await Promise.all([
      loadOrgs(ctx),
      readSources(ctx, [team._id], input.from, input.to),
      membersOfTeams(ctx, [team._id]),
      readTransfers(ctx, team._id),
    ]);
    const parts = partsOf(team, members);
    const [refs, contacts] = await Promise.all([
      readRefs(ctx, sources, [...members.map((member) => member.userId), ...confirmerIds(transfers)]),
      contactsByPartyOrg(ctx, [...parts.keys()]),
    ]);
    const now = ctx.now();
    const records = recordsOf(team._id, sources, refs, orgs, input, now);
    return {
      teamId: team._id,
      teamName: team.name,
      crossUnit: team.crossUnit,
      items: records.map(itemView),
      transfers: letterTransfers(transfers, refs.users, input, now).map(transferView),
      recipients: [...parts.entries()].map(([partyOrgId, userIds]) => ({
        partyOrgId,
        partyOrgName: orgName(orgs, partyOrgId),
        memberNames: [...userIds].map((userId) => displayName(refs.users.get(userId))),
        hasContact: (contacts.get(partyOrgId) ?? []).length > 0,
      })),
    };
  },

  issue,

  letters: async ({ ctx, caller, input }) => {
    const _ = ctx.db.command;
    const orgs = await loadOrgs(ctx);
    const where: object[] = [];
    if (input.scope === 'manage') {
      // An issued draft lives on as the letters it became; the draft itself drops out of the list.
      where.push({ leagueOrgId: _.in([...managedLeagueOrgIds(orgs, caller)]) }, _.or([{ status: 'draft' }, { partyOrgId: _.neq(null) }]));
    } else {
      const scopes = caller.roles.filter((grant) => grant.role === 'partyContact').map((grant) => grant.scopeId);
      if (!scopes.length) return { items: [], nextCursor: null };
      where.push({ partyOrgId: _.in(scopes), status: _.neq('draft') });
    }
    if (input.cursor) where.push(afterCursor(_, 'createdAt', input.cursor, 'desc'));
    const letters = await find(ctx.db, 'letters', _.and(where), {
      orderBy: [
        ['createdAt', 'desc'],
        ['_id', 'desc'],
      ],
      limit: LETTERS_PAGE_SIZE,
    });
    return {
      items: letters.map((letter) => letterCard(letter, orgs)),
      nextCursor: nextCursorOf(letters, LETTERS_PAGE_SIZE, (letter) => letter.createdAt),
    };
  },

  letter: async ({ ctx, caller, input }) => {
    const [letter, orgs] = await Promise.all([findById(ctx.db, 'letters', input.letterId), loadOrgs(ctx)]);
    if (!letter) throw new AppError('NOT_FOUND', NO_LETTER);
    const viewer = viewerOf(orgs, caller, letter);
    const names = early(namesOf(ctx, [letter.issuedBy, letter.ack?.by]));
    // The contact opening it is the delivery receipt: issued → opened.
    const current =
      letter.status === 'issued' && viewer.isContact
        ? await ctx.db.runTransaction(async (tx): Promise<Letter | null> => {
            const fresh = await txFind(tx, 'letters', letter._id);
            if (fresh?.status !== 'issued') return fresh;
            const now = ctx.now();
            await txUpdate(tx, 'letters', letter._id, { status: 'opened', openedAt: now });
            await audit(tx, {
              at: now,
              actor: caller._id,
              fn: 'feedback',
              action: 'open',
              target: `letters/${letter._id}`,
              orgId: letter.leagueOrgId,
              teamId: letter.teamId,
              summary: `查看反馈函 ${letter.refCode}`,
            });
            return { ...fresh, status: 'opened', openedAt: now };
          })
        : letter;
    if (!current) throw new AppError('NOT_FOUND', NO_LETTER);
    return detailOf(current, orgs, await names, viewerOf(orgs, caller, current));
  },

  acknowledge: async ({ ctx, caller, input, letter }) => {
    const known = early(Promise.all([loadOrgs(ctx), namesOf(ctx, [letter.issuedBy, letter.ack?.by ?? caller._id])]));
    if (letter.status === 'acknowledged') {
      const [orgs, names] = await known;
      return detailOf(letter, orgs, names, viewerOf(orgs, caller, letter));
    }
    const [[orgs, names], current] = await Promise.all([
      known,
      ctx.db.runTransaction(async (tx): Promise<Letter | null> => {
        const fresh = await txFind(tx, 'letters', letter._id);
        if (!fresh || fresh.status === 'acknowledged') return fresh;
        const now = ctx.now();
        const ack = { by: caller._id, at: now, reply: input.reply };
        const openedAt = fresh.openedAt ?? now;
        await txUpdate(tx, 'letters', letter._id, { status: 'acknowledged', openedAt, ack: ctx.db.command.set(ack), flagged: false });
        await audit(tx, {
          at: now,
          actor: caller._id,
          fn: 'feedback',
          action: 'acknowledge',
          target: `letters/${letter._id}`,
          orgId: letter.leagueOrgId,
          teamId: letter.teamId,
          summary: `签收反馈函 ${letter.refCode}${input.reply ? `：${input.reply}` : ''}`,
        });
        return { ...fresh, status: 'acknowledged', openedAt, ack, flagged: false };
      }),
    ]);
    if (!current) throw new AppError('NOT_FOUND', NO_LETTER);
    // Someone else signed for it in the meantime: their name too.
    const signer = current.ack?.by;
    const allNames = signer && !names.has(signer) ? await namesOf(ctx, [current.issuedBy, signer]) : names;
    return detailOf(current, orgs, allNames, viewerOf(orgs, caller, current));
  },

  verify: async ({ ctx, input }) => {
    const [[letter], orgs] = await Promise.all([find(ctx.db, 'letters', { refCode: input.refCode }, { limit: 1 }), loadOrgs(ctx)]);
    if (!letter || letter.status === 'draft' || letter.refCode === null || letter.issuedAt === null)
      throw new AppError('NOT_FOUND', '没有这个查验码对应的反馈函，请核对后重试');
    const stated = letter.transfers ?? [];
    const [verdicts, transferVerdicts] = await Promise.all([verifyItems(ctx, letter.items), verifyTransfers(ctx, stated)]);
    const items = letter.items.map((item, index) => ({ ...itemView(item), ...verdicts[index] }));
    const transfers = stated.map((one, index) => ({ ...transferView(one), ...transferVerdicts[index] }));
    return {
      refCode: letter.refCode,
      teamName: letter.teamName,
      partyOrgName: orgName(orgs, letter.partyOrgId),
      orgName: orgName(orgs, letter.issuerOrgId ?? letter.leagueOrgId),
      period: letter.period,
      issuedAt: letter.issuedAt,
      status: letter.status,
      items,
      transfers,
      allSame: [...items, ...transfers].every((item) => item.verdict === 'same'),
    };
  },
};
