/**
 * What dispatch does for letters: one reminder (and a flag for the organizer) for a letter left
 * unacknowledged for 7 days, and each quarter a draft per registered team with newly confirmed
 * records, for the organizer to review. Nothing is ever sent without the organizer.
 */
import { ACK_REMIND_DAYS, previousQuarter } from '../../../core/feedback-rules';
import { DAY_MS } from '../../../core/time';
import type { Letter } from '../../../core/types';
import { findAll, findById, findMany, txFind, txSet, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { letterIssuedMessage } from './messages';
import { confirmedRecords } from './records';
import { contactsOf } from './views';

const TEAMS_PER_RUN = 200;

export async function remindUnacknowledgedLetters(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const due = await findMany(
    'letters',
    ctx.db
      .collection('letters')
      .where({ status: _.in(['issued', 'opened']), remindedAt: null, issuedAt: _.lt(now - ACK_REMIND_DAYS * DAY_MS) })
      .limit(100),
  );
  const orgs = due.length ? await loadOrgs(ctx) : [];
  for (const letter of due) {
    const contacts = await contactsOf(ctx, letter.partyOrgId!);
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'letters', letter._id);
      if (!fresh || fresh.remindedAt !== null || fresh.status === 'acknowledged') return;
      await txUpdate(tx, 'letters', letter._id, { remindedAt: now, flagged: true });
      for (const contact of contacts)
        await enqueue(
          tx,
          now,
          letterIssuedMessage(letter, orgName(orgs, letter.issuerOrgId ?? letter.leagueOrgId), contact._id, 'reminder', now),
        );
      await audit(tx, {
        at: now,
        actor: 'system',
        fn: 'dispatch',
        action: 'remindLetter',
        target: `letters/${letter._id}`,
        summary: `反馈函 ${letter.refCode} 超过 ${ACK_REMIND_DAYS} 天未签收：提醒联系人并标记`,
      });
    });
  }
  return due.length;
}

/** Record ids a team's issued letters already stated, so a quarterly draft only brings what is new. */
async function alreadyReported(ctx: Ctx, teamId: string): Promise<Set<string>> {
  const letters = await findAll(ctx.db, 'letters', { teamId, status: ctx.db.command.neq('draft') });
  return new Set(letters.flatMap((letter) => letter.items.map((item) => item.id)));
}

export async function prepareQuarterlyDrafts(ctx: Ctx): Promise<number> {
  const quarter = previousQuarter(ctx.now());
  const jobId = `quarterlyDrafts_${quarter.key}`;
  const job = await findById(ctx.db, 'jobs', jobId);
  if (job?.done) return 0;
  const _ = ctx.db.command;
  const teams = await findMany(
    'teams',
    ctx.db
      .collection('teams')
      .where(job?.cursor ? { status: 'registered', _id: _.gt(job.cursor) } : { status: 'registered' })
      .orderBy('_id', 'asc')
      .limit(TEAMS_PER_RUN),
  );
  let prepared = 0;
  for (const team of teams) {
    const reported = await alreadyReported(ctx, team._id);
    const items = (await confirmedRecords(ctx, team, quarter.from, quarter.to)).filter((item) => !reported.has(item.id));
    if (!items.length) continue;
    const now = ctx.now();
    const draft: Letter = {
      _id: `draft-${team._id}-${quarter.key}`.slice(0, 64),
      refCode: null,
      status: 'draft',
      teamId: team._id,
      teamName: team.name,
      leagueOrgId: team.leagueOrgId,
      partyOrgId: null,
      period: { from: quarter.from, to: quarter.to },
      items,
      note: '',
      quarter: quarter.key,
      issuedBy: null,
      issuerOrgId: null,
      issuedAt: null,
      openedAt: null,
      ack: null,
      remindedAt: null,
      flagged: false,
      requestId: `draft-${team._id}-${quarter.key}`,
      createdAt: now,
    };
    const created = await ctx.db.runTransaction(async (tx) => {
      if (await txFind(tx, 'letters', draft._id)) return false;
      await txSet(tx, 'letters', draft);
      await audit(tx, {
        at: now,
        actor: 'system',
        fn: 'dispatch',
        action: 'prepareDraft',
        target: `letters/${draft._id}`,
        summary: `为「${team.name}」准备 ${quarter.key} 反馈函草稿（${items.length} 项，待管理员审核）`,
      });
      return true;
    });
    if (created) prepared += 1;
  }
  const finished = teams.length < TEAMS_PER_RUN;
  await ctx.db.runTransaction(async (tx) => {
    await txSet(tx, 'jobs', { _id: jobId, cursor: teams[teams.length - 1]?._id ?? job?.cursor ?? '', done: finished, at: ctx.now() });
  });
  return prepared;
}
