/** The ledger of an org's cycle: start a cycle, choose teams, drop one with a reason kept on record. */
import { AppError } from '../../../core/errors';
import { formatDayRange, shanghaiDay } from '../../../core/time';
import type { ContactCycle, ContactTeam } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import { byIds } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Handler } from '../../runtime/function';
import { leagueSubtree } from '../../runtime/orgs';
import { contactTeamIdOf, CYCLE_MAX_YEARS, cycleDays, cycleIdOf, overlaps, requireLeagueOrg } from './cycles';
import { cycleContents, ledgerView, readLedger, readOrgCycles } from './ledger-view';

export const ledger: Handler<'contact', 'ledger'> = async ({ ctx, input, org, orgs }) => {
  requireLeagueOrg(org);
  return ledgerView(ctx, org, orgs, await readLedger(ctx, org, orgs, input.cycle));
};

function overlapRefusal(other: ContactCycle): AppError {
  return new AppError(
    'STATE_CONFLICT',
    `与 ${other.cycle} 年开始的周期（${formatDayRange(other.startDay, other.endDay)}）重叠，请从 ${Number(other.endDay.slice(0, 4)) + 1} 年开始新周期`,
  );
}

export const startCycle: Handler<'contact', 'startCycle'> = async ({ ctx, caller, input, org, orgs }) => {
  requireLeagueOrg(org);
  if (org.retiredAt) throw new AppError('STATE_CONFLICT', '该组织已撤销，不能再开始联系周期');
  const now = ctx.now();
  const thisYear = Number(shanghaiDay(now).slice(0, 4));
  if (Number(input.cycle) > thisYear + 1) throw new AppError('INVALID_INPUT', `新周期最多提前一年开始（最晚从 ${thisYear + 1} 年开始）`);
  const cycle: ContactCycle = {
    _id: cycleIdOf(org._id, input.cycle),
    orgId: org._id,
    cycle: input.cycle,
    ...cycleDays(input.cycle, input.years),
    startedBy: caller._id,
    startedAt: now,
  };
  const [cycles, registered] = await readOrgCycles(ctx, org, orgs);
  // The same cycle asked for again (a double tap) is the one already started: its ledger as it is.
  const existing = async (started: ContactCycle) =>
    ledgerView(ctx, org, orgs, {
      cycles: cycles.some((other) => other._id === started._id) ? cycles : [...cycles, started],
      registered,
      cycle: started,
      ...(await cycleContents(ctx, org._id, [started.cycle])),
    });
  const same = cycles.find((other) => other._id === cycle._id);
  if (same?.endDay === cycle.endDay) return existing(same);
  const clash = cycles.find((other) => overlaps(other, cycle));
  if (clash) throw overlapRefusal(clash);
  const written = await ctx.db.runTransaction(async (tx): Promise<ContactCycle | null> => {
    // Any cycle that could overlap starts within these years: read them all again, so two starts at once cannot both pass.
    const first = Number(input.cycle) - CYCLE_MAX_YEARS + 1;
    const keys = Array.from({ length: CYCLE_MAX_YEARS + input.years - 1 }, (_, at) => String(first + at));
    const present = (await Promise.all(keys.map((key) => txFind(tx, 'contactCycles', cycleIdOf(org._id, key))))).filter(
      (other): other is ContactCycle => other !== null,
    );
    if (present.some((other) => other._id === cycle._id && other.endDay === cycle.endDay)) return null;
    const other = present.find((candidate) => overlaps(candidate, cycle));
    if (other) throw overlapRefusal(other);
    // Written by every start of this org: on CloudBase two transactions conflict only over a document
    // both write, so two overlapping starts at once cannot both commit.
    await txSet(tx, 'jobs', { _id: `contactCycles_${org._id}`, cursor: cycle._id, done: true, at: now });
    await txSet(tx, 'contactCycles', cycle);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'contact',
      action: 'startCycle',
      target: `contactCycles/${cycle._id}`,
      summary: `「${org.name}」开始 ${input.cycle} 年直接联系周期（${formatDayRange(cycle.startDay, cycle.endDay)}）`,
      orgId: org._id,
    });
    return cycle;
  });
  if (!written) return existing(cycle);
  return ledgerView(ctx, org, orgs, { cycles: [...cycles, cycle], registered, cycle, chosen: [], open: [] });
};

export const chooseTeams: Handler<'contact', 'chooseTeams'> = async ({ ctx, caller, input, org, orgs }) => {
  requireLeagueOrg(org);
  const teamIds = [...new Set(input.teamIds)];
  const [reads, picked] = await Promise.all([readLedger(ctx, org, orgs, input.cycle), byIds(ctx.db, 'teams', teamIds)]);
  const subtree = leagueSubtree(orgs, [org._id]);
  const refused = teamIds.filter((id) => {
    const team = picked.find((candidate) => candidate._id === id);
    return !team || team.status !== 'registered' || !subtree.has(team.leagueOrgId);
  });
  if (refused.length) {
    const named = picked.find((team) => team._id === refused[0])?.name;
    const which = named ? `「${named}」` : '所选队伍';
    throw new AppError(
      'INVALID_INPUT',
      `${which}${refused.length > 1 ? `等 ${refused.length} 支队伍` : ''}不是「${org.name}」下已登记的队伍，不能选择`,
    );
  }
  const now = ctx.now();
  const chosen = await ctx.db.runTransaction(async (tx): Promise<ContactTeam[]> => {
    const ids = teamIds.map((teamId) => contactTeamIdOf(org._id, input.cycle, teamId));
    const present = await Promise.all(ids.map((id) => txFind(tx, 'contactTeams', id)));
    const written: ContactTeam[] = [];
    await Promise.all(
      teamIds.map(async (teamId, at) => {
        const before = present[at];
        if (before && !before.droppedAt) return;
        const team: ContactTeam = before
          ? { ...before, droppedAt: null, dropReason: '', chosenBy: caller._id, chosenAt: now }
          : {
              _id: ids[at],
              orgId: org._id,
              cycle: input.cycle,
              teamId,
              chosenBy: caller._id,
              chosenAt: now,
              droppedAt: null,
              dropReason: '',
              lastContactDay: null,
              records: 0,
            };
        if (before) await txUpdate(tx, 'contactTeams', team._id, { droppedAt: null, dropReason: '', chosenBy: caller._id, chosenAt: now });
        else await txSet(tx, 'contactTeams', team);
        written.push(team);
        await audit(tx, {
          at: now,
          actor: caller._id,
          fn: 'contact',
          action: 'chooseTeams',
          target: `contactTeams/${team._id}`,
          summary: `「${org.name}」将「${picked.find((candidate) => candidate._id === teamId)?.name ?? teamId}」列为 ${input.cycle} 年周期的直接联系队伍${before ? '（重新选择）' : ''}`,
          orgId: org._id,
          teamId,
        });
      }),
    );
    return written;
  });
  const replaced = new Set(chosen.map((team) => team._id));
  return ledgerView(ctx, org, orgs, { ...reads, chosen: [...reads.chosen.filter((team) => !replaced.has(team._id)), ...chosen] });
};

export const dropTeam: Handler<'contact', 'dropTeam'> = async ({ ctx, caller, input, org, orgs }) => {
  requireLeagueOrg(org);
  const reads = await readLedger(ctx, org, orgs, input.cycle);
  const before = reads.chosen.find((team) => team.teamId === input.teamId);
  if (!before) throw new AppError('NOT_FOUND', '该队伍不在本周期的直接联系名单中，请刷新后重试');
  if (before.droppedAt) return ledgerView(ctx, org, orgs, reads);
  const now = ctx.now();
  const teamName = reads.registered.find((team) => team._id === input.teamId)?.name ?? input.teamId;
  await ctx.db.runTransaction(async (tx) => {
    const current = await txFind(tx, 'contactTeams', before._id);
    if (!current || current.droppedAt) return;
    await txUpdate(tx, 'contactTeams', before._id, { droppedAt: now, dropReason: input.reason });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'contact',
      action: 'dropTeam',
      target: `contactTeams/${before._id}`,
      summary: `「${org.name}」将「${teamName}」移出 ${input.cycle} 年周期的直接联系名单：${input.reason}`,
      orgId: org._id,
      teamId: input.teamId,
    });
  });
  const dropped = { ...before, droppedAt: now, dropReason: input.reason };
  return ledgerView(ctx, org, orgs, { ...reads, chosen: reads.chosen.map((team) => (team._id === before._id ? dropped : team)) });
};
