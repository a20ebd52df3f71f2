/** A cycle's summary: teams chosen and contacted, records by kind, opinions by state (counted, not read). */
import { CONTACT_KINDS, OPINION_STATES, type ContactKind, type OpinionState } from '../../../core/contact-rules';
import { findById } from '../../db/collections';
import { count } from '../../db/query';
import type { Handler } from '../../runtime/function';
import { cycleIdOf, requireCycle, requireLeagueOrg } from './cycles';

export const cycleSummary: Handler<'contact', 'cycleSummary'> = async ({ ctx, input, org }) => {
  requireLeagueOrg(org);
  const _ = ctx.db.command;
  const where = { orgId: org._id, cycle: input.cycle };
  const [cycle, teamsChosen, teamsContacted, records, opinions] = await Promise.all([
    findById(ctx.db, 'contactCycles', cycleIdOf(org._id, input.cycle)),
    count(ctx.db, 'contactTeams', { ...where, droppedAt: null }),
    count(ctx.db, 'contactTeams', { ...where, droppedAt: null, records: _.gt(0) }),
    Promise.all(CONTACT_KINDS.map((kind) => count(ctx.db, 'contactRecords', { ...where, kind }))),
    Promise.all(OPINION_STATES.map((state) => count(ctx.db, 'opinions', { ...where, state }))),
  ]);
  requireCycle(cycle, input.cycle);
  return {
    orgId: org._id,
    cycle: input.cycle,
    teamsChosen,
    teamsContacted,
    recordsByKind: Object.fromEntries(CONTACT_KINDS.map((kind, at) => [kind, records[at]])) as Record<ContactKind, number>,
    opinionsByState: Object.fromEntries(OPINION_STATES.map((state, at) => [state, opinions[at]])) as Record<OpinionState, number>,
  };
};
