/** 反馈函: party-org contacts, letters built only from confirmed records, delivery, 签收, verification by code. */
import { AppError } from '../../../core/errors';
import { CONTACT_CODE_DAYS, CONTACT_CODE_LENGTH, periodUpTo, REF_CODE_LENGTH } from '../../../core/feedback-rules';
import { DAY_MS } from '../../../core/time';
import type { Letter, Org, Team, User } from '../../../core/types';
import type { LetterDetail } from '../../../core/views';
import { findAll, findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import type { DocData } from '../../db/types';
import { isPartyContact, managesLeagueOrg } from '../../runtime/access';
import { audit } from '../../runtime/audit';
import { uniqueCode } from '../../runtime/codes';
import { checkText } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { HandlerArgs, Handlers } from '../../runtime/function';
import { loadOrgs, managedLeagueOrgIds, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { afterCursor, nextCursorOf } from '../../runtime/paging';
import { displayName } from '../../runtime/users';
import { letterIssuedMessage } from './messages';
import { actingLeagueOrgId, confirmedRecords, verifyItem } from './records';
import { contactsOf, itemView, letterCard, letterDetail, membersByPartyOrg, splitItems } from './views';
import { usersById } from '../../runtime/lookups';

export const LETTERS_PAGE_SIZE = 20;

/** Party organizations the caller's teams touch: their units' and (cross-unit) their members' own. */
async function involvedPartyOrgIds(ctx: Ctx, caller: User): Promise<Set<string>> {
  const managed = [...managedLeagueOrgIds(await loadOrgs(ctx), caller)];
  const teams = await findAll(ctx.db, 'teams', { leagueOrgId: ctx.db.command.in(managed) });
  const members = teams.length ? await findAll(ctx.db, 'members', { teamId: ctx.db.command.in(teams.map((team) => team._id)) }) : [];
  return new Set([...teams.map((team) => team.partyOrgId), ...members.map((member) => member.homePartyOrgId)].filter(Boolean));
}

async function detailFor(ctx: Ctx, caller: User, letter: Letter): Promise<LetterDetail> {
  const isContact = letter.status !== 'draft' && isPartyContact(caller, letter.partyOrgId);
  const isOrganizer = await managesLeagueOrg(ctx, caller, letter.leagueOrgId);
  if (!isContact && !isOrganizer) throw new AppError('NOT_FOUND', '找不到这份反馈函，或它不是发给你所在党组织的');
  const users = await usersById(ctx, [letter.issuedBy ?? '', letter.ack?.by ?? '']);
  const names = new Map([...users.entries()].map(([id, user]) => [id, displayName(user)]));
  return letterDetail(letter, await loadOrgs(ctx), names, {
    isContact,
    isOrganizer,
    canAcknowledge: isContact && letter.status !== 'acknowledged',
  });
}

async function letterOf(ctx: Ctx, letterId: string): Promise<Letter> {
  const letter = await findById(ctx.db, 'letters', letterId);
  if (!letter) throw new AppError('NOT_FOUND', '找不到这份反馈函');
  return letter;
}

/** The org that signs: the one the issuer acts for over the team (their own organizer role's), not the team's. */
function signingOrgId(orgs: Org[], caller: User, team: Team): string {
  const orgId = actingLeagueOrgId(orgs, caller, team.leagueOrgId);
  if (!orgId) throw new AppError('FORBIDDEN', '只有该队伍所属团组织的管理员可以发出反馈函');
  return orgId;
}

async function issue({ ctx, caller, input, team }: HandlerArgs<'feedback', 'issue'>) {
  const current = team;
  const already = await findMany('letters', ctx.db.collection('letters').where({ requestId: input.requestId }).limit(50));
  if (already.length) {
    const orgs = await loadOrgs(ctx);
    return already.map((letter) => letterCard(letter, orgs));
  }
  const draft = input.draftId ? await findById(ctx.db, 'letters', input.draftId) : null;
  if (input.draftId && (!draft || draft.status !== 'draft' || draft.teamId !== current._id))
    throw new AppError('NOT_FOUND', '找不到这份草稿，可能已发出');
  const now = ctx.now();
  const period = periodUpTo(input, now);
  if (period.from > period.to) throw new AppError('STATE_CONFLICT', '开始日期不能晚于发函当天');
  const orgs = await loadOrgs(ctx);
  const issuerOrgId = signingOrgId(orgs, caller, current);
  // The letter states only what is confirmed now; a pick that is not among them is refused, never included.
  const records = await confirmedRecords(ctx, current, period.from, period.to, now);
  const picked = [...new Set(input.itemIds)];
  const missing = picked.filter((itemId) => !records.some((record) => record.id === itemId));
  if (missing.length) throw new AppError('STATE_CONFLICT', `有 ${missing.length} 项记录不是该时段内已确认的记录，请刷新后重新选择`);
  await checkText(ctx, 1, input.note);
  const parts = splitItems(
    records.filter((record) => picked.includes(record.id)),
    await membersByPartyOrg(ctx, current),
    current,
  );
  const prepared = await Promise.all(
    parts.map(async (part) => ({
      ...part,
      refCode: await uniqueCode(ctx, 'letters', 'refCode', REF_CODE_LENGTH),
      contacts: await contactsOf(ctx, part.partyOrgId),
    })),
  );
  const letters: Letter[] = prepared.map((part) => ({
    _id: `lt-${input.requestId}-${part.partyOrgId}`.slice(0, 64),
    refCode: part.refCode,
    status: 'issued',
    teamId: current._id,
    teamName: current.name,
    leagueOrgId: current.leagueOrgId,
    partyOrgId: part.partyOrgId,
    period,
    items: part.items,
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
      const contacts = prepared.find((part) => part.partyOrgId === letter.partyOrgId)!.contacts;
      for (const contact of contacts)
        await enqueue(tx, now, letterIssuedMessage(letter, orgName(orgs, issuerOrgId), contact._id, 'issued', now));
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'feedback',
        action: 'issue',
        target: `letters/${letter._id}`,
        summary: `向${orgName(orgs, letter.partyOrgId)}发出「${current.name}」反馈函 ${letter.refCode}（${letter.items.length} 项）`,
      });
    }
    if (draft) await txUpdate(tx, 'letters', draft._id, { status: 'issued', issuedBy: caller._id, issuerOrgId, issuedAt: now });
  });
  return letters.map((letter) => letterCard(letter, orgs));
}

export const feedbackHandlers: Handlers<'feedback'> = {
  partyOrgs: async ({ ctx, caller }) => {
    const involved = await involvedPartyOrgIds(ctx, caller);
    const orgs = (await loadOrgs(ctx)).filter((org) => org.kind === 'party' && involved.has(org._id));
    return Promise.all(
      orgs.map(async (org) => ({
        id: org._id,
        name: org.name,
        unitName: org.unitName,
        contacts: (await contactsOf(ctx, org._id)).map((user) => user.realName || user.nickname),
      })),
    );
  },

  contactCode: async ({ ctx, caller, input }) => {
    if (!(await involvedPartyOrgIds(ctx, caller)).has(input.partyOrgId))
      throw new AppError('FORBIDDEN', '只能为所辖队伍涉及的党组织生成绑定码');
    const code = await uniqueCode(ctx, 'contactCodes', '_id', CONTACT_CODE_LENGTH);
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
        summary: '生成党组织联系人绑定码',
      });
    });
    return { code, partyOrgName: orgName(await loadOrgs(ctx), input.partyOrgId), expiresAt };
  },

  bindContact: async ({ ctx, caller, input }) => {
    const found = await findById(ctx.db, 'contactCodes', input.code);
    if (!found || found.expiresAt < ctx.now()) throw new AppError('INVITE_INVALID', '绑定码无效或已过期，请向团组织管理员重新索取');
    if (found.usedBy && found.usedBy !== caller._id) throw new AppError('INVITE_INVALID', '这个绑定码已被使用，请向团组织管理员重新索取');
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
        summary: '绑定为党组织联系人',
      });
    });
    return { partyOrgId: found.partyOrgId, partyOrgName: orgName(await loadOrgs(ctx), found.partyOrgId) };
  },

  candidates: async ({ ctx, input, team }) => {
    const current = team;
    const orgs = await loadOrgs(ctx);
    const records = await confirmedRecords(ctx, current, input.from, input.to);
    const parts = await membersByPartyOrg(ctx, current);
    const users = await usersById(
      ctx,
      [...parts.values()].flatMap((members) => [...members]),
    );
    return {
      teamId: current._id,
      teamName: current.name,
      crossUnit: current.crossUnit,
      items: records.map(itemView),
      recipients: await Promise.all(
        [...parts.entries()].map(async ([partyOrgId, members]) => ({
          partyOrgId,
          partyOrgName: orgName(orgs, partyOrgId),
          memberNames: [...members].map((userId) => displayName(users.get(userId))),
          hasContact: (await contactsOf(ctx, partyOrgId)).length > 0,
        })),
      ),
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
    const letters = await findMany(
      'letters',
      ctx.db.collection('letters').where(_.and(where)).orderBy('createdAt', 'desc').orderBy('_id', 'desc').limit(LETTERS_PAGE_SIZE),
    );
    return {
      items: letters.map((letter) => letterCard(letter, orgs)),
      nextCursor: nextCursorOf(letters, LETTERS_PAGE_SIZE, (letter) => letter.createdAt),
    };
  },

  letter: async ({ ctx, caller, input }) => {
    const letter = await letterOf(ctx, input.letterId);
    // The contact opening it is the delivery receipt: issued → opened.
    if (letter.status === 'issued' && isPartyContact(caller, letter.partyOrgId)) {
      await ctx.db.runTransaction(async (tx) => {
        const fresh = await txFind(tx, 'letters', letter._id);
        if (fresh?.status !== 'issued') return;
        const now = ctx.now();
        await txUpdate(tx, 'letters', letter._id, { status: 'opened', openedAt: now });
        await audit(tx, {
          at: now,
          actor: caller._id,
          fn: 'feedback',
          action: 'open',
          target: `letters/${letter._id}`,
          summary: `查看反馈函 ${letter.refCode}`,
        });
      });
    }
    return detailFor(ctx, caller, await letterOf(ctx, input.letterId));
  },

  acknowledge: async ({ ctx, caller, input, letter }) => {
    const current = letter;
    if (current.status === 'acknowledged') return detailFor(ctx, caller, current);
    await checkText(ctx, 1, input.reply);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'letters', current._id);
      if (!fresh || fresh.status === 'acknowledged') return;
      const now = ctx.now();
      await txUpdate(tx, 'letters', current._id, {
        status: 'acknowledged',
        openedAt: fresh.openedAt ?? now,
        ack: ctx.db.command.set({ by: caller._id, at: now, reply: input.reply }),
        flagged: false,
      });
      await audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'feedback',
        action: 'acknowledge',
        target: `letters/${current._id}`,
        summary: `签收反馈函 ${current.refCode}${input.reply ? `：${input.reply}` : ''}`,
      });
    });
    return detailFor(ctx, caller, await letterOf(ctx, current._id));
  },

  verify: async ({ ctx, input }) => {
    const [letter] = await findMany(
      'letters',
      ctx.db
        .collection('letters')
        .where({ refCode: input.refCode } as DocData)
        .limit(1),
    );
    if (!letter || letter.status === 'draft') throw new AppError('NOT_FOUND', '没有这个查验码对应的反馈函，请核对后重试');
    const orgs = await loadOrgs(ctx);
    const items = await Promise.all(letter.items.map(async (item) => ({ ...itemView(item), ...(await verifyItem(ctx, item)) })));
    return {
      refCode: letter.refCode!,
      teamName: letter.teamName,
      partyOrgName: orgName(orgs, letter.partyOrgId),
      orgName: orgName(orgs, letter.issuerOrgId ?? letter.leagueOrgId),
      period: letter.period,
      issuedAt: letter.issuedAt!,
      status: letter.status,
      items,
      allSame: items.every((item) => item.verdict === 'same'),
    };
  },
};
