/** What the ledger page shows, read in one round where the cycle is known and composed from what was read or written. */
import { AppError } from '../../../core/errors';
import { shanghaiDay } from '../../../core/time';
import type { ContactCycle, ContactTeam, Opinion, Org, Team } from '../../../core/types';
import type { Ledger } from '../../../core/views';
import { fieldsByIds, find, findAll, findFields, MAX_PAGE } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import { leagueSubtree, orgName } from '../../runtime/orgs';
import { currentCycle, cyclesAround, isStale } from './cycles';

type TeamName = Pick<Team, '_id' | 'name' | 'leagueOrgId'>;

export type LedgerReads = {
  cycles: ContactCycle[];
  /** Registered teams under the org (at most one read of them). */
  registered: TeamName[];
  cycle: ContactCycle | null;
  /** The cycle's teams, dropped ones included. */
  chosen: ContactTeam[];
  open: Pick<Opinion, '_id' | 'teamId' | 'cycle'>[];
};

function registeredUnder(ctx: Ctx, orgs: Org[], org: Org): Promise<TeamName[]> {
  const subtree = [...leagueSubtree(orgs, [org._id])];
  return findFields(ctx.db, 'teams', { leagueOrgId: ctx.db.command.in(subtree), status: 'registered' }, ['name', 'leagueOrgId']);
}

/** The chosen teams and the opinions still waiting of one cycle, or of several (filtered once the one shown is known). */
export async function cycleContents(ctx: Ctx, orgId: string, keys: string[]) {
  const cycle = keys.length === 1 ? keys[0] : ctx.db.command.in(keys);
  const [chosen, open] = await Promise.all([
    findAll(ctx.db, 'contactTeams', { orgId, cycle }),
    findAll(ctx.db, 'opinions', { orgId, cycle, state: 'open' }),
  ]);
  return { chosen, open };
}

/** The org's cycles and the registered teams under it, read together. */
export function readOrgCycles(ctx: Ctx, org: Org, orgs: Org[]): Promise<[ContactCycle[], TeamName[]]> {
  return Promise.all([find(ctx.db, 'contactCycles', { orgId: org._id }), registeredUnder(ctx, orgs, org)]);
}

/**
 * The org's cycles, its candidates, and the contents of the wanted cycle or the current one. The current
 * one is not known before the cycles are read, so the contents of every cycle that could be current are
 * read alongside them: the names of the teams shown then come in the second round, not a third.
 */
export async function readLedger(ctx: Ctx, org: Org, orgs: Org[], wanted?: string): Promise<LedgerReads> {
  const today = shanghaiDay(ctx.now());
  const keys = wanted ? [wanted] : cyclesAround(Number(today.slice(0, 4)));
  const [[cycles, registered], around] = await Promise.all([readOrgCycles(ctx, org, orgs), cycleContents(ctx, org._id, keys)]);
  const cycle = wanted ? cycles.find((candidate) => candidate.cycle === wanted) : currentCycle(cycles, today);
  if (wanted && !cycle) throw new AppError('NOT_FOUND', `「${org.name}」没有 ${wanted} 年开始的联系周期，请刷新后重试`);
  if (!cycle) return { cycles, registered, cycle: null, chosen: [], open: [] };
  // A latest cycle that ended long ago is read on its own.
  const contents = keys.includes(cycle.cycle) ? around : await cycleContents(ctx, org._id, [cycle.cycle]);
  return {
    cycles,
    registered,
    cycle,
    chosen: contents.chosen.filter((team) => team.cycle === cycle.cycle),
    open: contents.open.filter((opinion) => opinion.cycle === cycle.cycle),
  };
}

/** The ledger from what was read; a chosen team no longer registered under the org is looked up by id for its name. */
export async function ledgerView(ctx: Ctx, org: Org, orgs: Org[], reads: LedgerReads): Promise<Ledger> {
  const { cycle, registered } = reads;
  const active = reads.chosen.filter((team) => !team.droppedAt);
  const names = new Map(registered.map((team) => [team._id, team]));
  const missing = active.map((team) => team.teamId).filter((id) => !names.has(id));
  if (missing.length) for (const team of await fieldsByIds(ctx.db, 'teams', missing, ['name', 'leagueOrgId'])) names.set(team._id, team);
  const today = shanghaiDay(ctx.now());
  const open = new Map<string, number>();
  for (const opinion of reads.open) open.set(opinion.teamId, (open.get(opinion.teamId) ?? 0) + 1);
  const chosenIds = new Set(active.map((team) => team.teamId));
  const byName = <T extends { teamName: string }>(a: T, b: T) => a.teamName.localeCompare(b.teamName, 'zh-CN');
  return {
    orgId: org._id,
    orgName: org.name,
    cycle: cycle ? { key: cycle.cycle, startDay: cycle.startDay, endDay: cycle.endDay } : null,
    cycles: reads.cycles.map((candidate) => candidate.cycle).sort((a, b) => b.localeCompare(a)),
    teams: cycle
      ? active
          .map((team) => ({
            teamId: team.teamId,
            teamName: names.get(team.teamId)?.name ?? '（队伍已删除）',
            leagueOrgName: orgName(orgs, names.get(team.teamId)?.leagueOrgId),
            lastContactDay: team.lastContactDay,
            records: team.records,
            openOpinions: open.get(team.teamId) ?? 0,
            stale: isStale(team, cycle, today),
          }))
          .sort(byName)
      : [],
    candidates: cycle
      ? registered
          .filter((team) => !chosenIds.has(team._id))
          .map((team) => ({ teamId: team._id, teamName: team.name, leagueOrgName: orgName(orgs, team.leagueOrgId) }))
          .sort(byName)
      : [],
    candidatesCapped: registered.length >= MAX_PAGE,
  };
}
