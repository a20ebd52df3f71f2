/**
 * What dispatch does for letters: one reminder (and a flag for the organizer) for a letter left
 * unacknowledged for 7 days, and each quarter a draft per registered team with newly confirmed
 * records, for the organizer to review. Nothing is ever sent without the organizer.
 */
import { performance } from 'node:perf_hooks';
import { ACK_REMIND_DAYS, previousQuarter } from '../../../core/feedback-rules';
import { DAY_MS } from '../../../core/time';
import type { Letter, LetterItem, Team } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { find, findAll } from '../../db/query';
import type { Transaction } from '../../db/types';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import { loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { letterIssuedMessage } from './messages';
import { readRefs, readSources, recordsOf } from './records';
import { contactsByPartyOrg } from './views';

/** Teams whose records are read together (each read stays within one page). */
const TEAMS_PER_READ = 100;
/** Drafts written per transaction. */
const DRAFTS_PER_TX = 20;
/** Real time a dispatch run spends on drafts before leaving the rest to the next run. */
export const QUARTERLY_MS = 15_000;

export async function remindUnacknowledgedLetters(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command;
  const now = ctx.now();
  const due = await find(
    ctx.db,
    'letters',
    { status: _.in(['issued', 'opened']), remindedAt: null, issuedAt: _.lt(now - ACK_REMIND_DAYS * DAY_MS) },
    { limit: 100 },
  );
  if (!due.length) return 0;
  const [orgs, contacts] = await Promise.all([
    loadOrgs(ctx),
    contactsByPartyOrg(
      ctx,
      due.map((letter) => letter.partyOrgId ?? ''),
    ),
  ]);
  for (const letter of due) {
    await ctx.db.runTransaction(async (tx) => {
      const fresh = await txFind(tx, 'letters', letter._id);
      if (!fresh || fresh.remindedAt !== null || fresh.status === 'acknowledged') return;
      await txUpdate(tx, 'letters', letter._id, { remindedAt: now, flagged: true });
      for (const contact of contacts.get(letter.partyOrgId ?? '') ?? [])
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
        orgId: letter.leagueOrgId,
        teamId: letter.teamId,
        summary: `反馈函 ${letter.refCode} 超过 ${ACK_REMIND_DAYS} 天未签收：提醒联系人并标记`,
      });
    });
  }
  return due.length;
}

type Quarter = ReturnType<typeof previousQuarter>;

function draftOf(team: Team, quarter: Quarter, items: LetterItem[], now: number): Letter {
  return {
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
}

/** One page of teams: their records read together, a draft for each team with something new. */
async function draftsFor(ctx: Ctx, teams: Team[], quarter: Quarter, now: number): Promise<Letter[]> {
  if (!teams.length) return [];
  const teamIds = teams.map((team) => team._id);
  const [sources, issued, orgs] = await Promise.all([
    readSources(ctx, teamIds, quarter.from, quarter.to),
    findAll(ctx.db, 'letters', { teamId: ctx.db.command.in(teamIds), status: ctx.db.command.neq('draft') }),
    loadOrgs(ctx),
  ]);
  const refs = await readRefs(ctx, sources);
  // Record ids a team's issued letters already stated, so a quarterly draft only brings what is new.
  const reported = new Set(issued.flatMap((letter) => letter.items.map((item) => `${letter.teamId}\u0000${item.id}`)));
  return teams.flatMap((team) => {
    const items = recordsOf(team._id, sources, refs, orgs, quarter, now).filter((item) => !reported.has(`${team._id}\u0000${item.id}`));
    return items.length ? [draftOf(team, quarter, items, now)] : [];
  });
}

/** Writes the drafts not written yet; returns how many it wrote. `last` runs in the last transaction. */
async function writeDrafts(ctx: Ctx, drafts: Letter[], quarter: Quarter, now: number, last: (tx: Transaction) => Promise<unknown>) {
  let written = 0;
  let start = 0;
  do {
    const chunk = drafts.slice(start, start + DRAFTS_PER_TX);
    const final = start + DRAFTS_PER_TX >= drafts.length;
    written += await ctx.db.runTransaction(async (tx) => {
      const existing = await Promise.all(chunk.map((draft) => txFind(tx, 'letters', draft._id)));
      let created = 0;
      for (const [index, draft] of chunk.entries()) {
        if (existing[index]) continue;
        await txSet(tx, 'letters', draft);
        await audit(tx, {
          at: now,
          actor: 'system',
          fn: 'dispatch',
          action: 'prepareDraft',
          target: `letters/${draft._id}`,
          orgId: draft.leagueOrgId,
          teamId: draft.teamId,
          summary: `为「${draft.teamName}」准备 ${quarter.key} 反馈函草稿（${draft.items.length} 项，待管理员审核）`,
        });
        created += 1;
      }
      if (final) await last(tx);
      return created;
    });
    start += DRAFTS_PER_TX;
  } while (start < drafts.length);
  return written;
}

/** The quarter's drafts, a page of teams at a time, until every team is done or the run's deadline; the job remembers where it got to. */
export async function prepareQuarterlyDrafts(ctx: Ctx, until = performance.now() + QUARTERLY_MS): Promise<number> {
  const quarter = previousQuarter(ctx.now());
  const jobId = `quarterlyDrafts_${quarter.key}`;
  const job = await findById(ctx.db, 'jobs', jobId);
  if (job?.done) return 0;
  const _ = ctx.db.command;
  let cursor = job?.cursor ?? '';
  let prepared = 0;
  for (;;) {
    const teams = await find(ctx.db, 'teams', cursor ? { status: 'registered', _id: _.gt(cursor) } : { status: 'registered' }, {
      orderBy: [['_id', 'asc']],
      limit: TEAMS_PER_READ,
    });
    const now = ctx.now();
    const drafts = await draftsFor(ctx, teams, quarter, now);
    const done = teams.length < TEAMS_PER_READ;
    cursor = teams[teams.length - 1]?._id ?? cursor;
    const progress = { _id: jobId, cursor, done, at: now };
    prepared += await writeDrafts(ctx, drafts, quarter, now, (tx) => txSet(tx, 'jobs', progress));
    if (done || performance.now() > until) return prepared;
  }
}
