/** A team's contact records from every org that contacts it directly, for its leader (read only) and its organizers. */
import { shanghaiDay } from '../../../core/time';
import type { ContactCycleChoice, TeamContacts } from '../../../core/views';
import { byIds, find, findAll, findFields, mapByIds } from '../../db/query';
import type { Handler } from '../../runtime/function';
import { loadOrgs, managesIn, orgChain, orgName } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { cycleIdOf } from './cycles';
import { peopleOf, recordView, type People } from './views';

export const teamContacts: Handler<'contact', 'teamContacts'> = async ({ ctx, caller, team, organizer: organizes }) => {
  const orgs = await loadOrgs(ctx); // read with the access check
  const chain = orgChain(orgs, team.leagueOrgId);
  const [records, opinions, chosen, organizers] = await Promise.all([
    find(
      ctx.db,
      'contactRecords',
      { teamId: team._id },
      {
        orderBy: [
          ['day', 'desc'],
          ['_id', 'desc'],
        ],
      },
    ),
    findAll(ctx.db, 'opinions', { teamId: team._id }),
    organizes ? find(ctx.db, 'contactTeams', { teamId: team._id }) : Promise.resolve([]),
    organizes
      ? findFields(ctx.db, 'users', { roles: { role: 'organizer', scopeId: ctx.db.command.in(chain) } }, ['roles', 'realName', 'nickname'])
      : Promise.resolve([]),
  ]);
  const open = chosen.filter((entry) => !entry.droppedAt && managesIn(orgs, caller, entry.orgId));
  const people: People = new Map([[caller._id, caller], ...organizers.map((user) => [user._id, user] as const)]);
  const [cycles, others] = await Promise.all([
    byIds(
      ctx.db,
      'contactCycles',
      open.map((entry) => cycleIdOf(entry.orgId, entry.cycle)),
    ),
    mapByIds(
      ctx.db,
      'users',
      peopleOf(records, opinions).filter((id) => !people.has(id)),
    ),
  ]);
  for (const [id, user] of others) people.set(id, user);

  const today = shanghaiDay(ctx.now());
  const openCycles: ContactCycleChoice[] = cycles
    .filter((cycle) => cycle.startDay <= today)
    .map((cycle) => ({
      orgId: cycle.orgId,
      orgName: orgName(orgs, cycle.orgId),
      cycle: cycle.cycle,
      startDay: cycle.startDay,
      endDay: cycle.endDay,
    }))
    .sort((a, b) => b.cycle.localeCompare(a.cycle) || a.orgName.localeCompare(b.orgName, 'zh-CN'));
  // Who may own an opinion of an org: an organizer of it or of an org above it (chain is nearest first).
  const owners: TeamContacts['owners'] = {};
  for (const [at, orgId] of chain.entries()) {
    if (!managesIn(orgs, caller, orgId)) continue;
    const above = chain.slice(at);
    owners[orgId] = organizers
      .filter((user) => user.roles.some((role) => role.role === 'organizer' && above.includes(role.scopeId)))
      .map((user) => ({ userId: user._id, name: displayName(user) }));
  }
  return {
    teamId: team._id,
    teamName: team.name,
    records: records.map((record) =>
      recordView(record, opinions, people, {
        teamName: team.name,
        orgName: orgName(orgs, record.orgId),
        canFollowUp: managesIn(orgs, caller, record.orgId),
      }),
    ),
    openCycles,
    owners,
  };
};
