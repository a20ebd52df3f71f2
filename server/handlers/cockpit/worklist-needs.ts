/**
 * The worklist's 企业点单 queues (issue 17 §2: visible deadlines, what waits for an organizer), each
 * one round of reads over the league orgs the caller manages: needs nobody has taken, taken needs
 * past their first-response deadline with no answer yet, enterprises applying to be recognized,
 * and enterprises' interests not yet carried to the team. Oldest first: the longest waiting leads.
 */
import { counted, first, queue, type Queue, type Scope } from './worklist-queues';
import { PAGES } from './pages';

/** Submitted and not taken (a released need is submitted again, with no owner). */
export async function needsToTake({ ctx, managed }: Scope): Promise<Queue> {
  const where = { leagueOrgId: ctx.db.command.in(managed), status: 'submitted', ownerId: null };
  const [total, needs] = await counted(ctx, 'needs', where, ['title', 'enterpriseName'], [['submittedAt', 'asc']]);
  const links = needs.map((need) => ({ name: `「${need.enterpriseName}」${need.title}`, url: PAGES.need(need._id) }));
  return queue('needsToTake', total, links, PAGES.needQueue);
}

/** Taken, past the first-response deadline shown on the need, and the owner has not yet written to the enterprise. */
export async function needResponsesOverdue({ ctx, managed, now }: Scope): Promise<Queue> {
  const _ = ctx.db.command;
  const where = { leagueOrgId: _.in(managed), status: 'taken', respondedAt: null, respondBy: _.lt(now) };
  const [total, needs] = await counted(ctx, 'needs', where, ['title', 'enterpriseName'], [['submittedAt', 'asc']]);
  const links = needs.map((need) => ({ name: `「${need.enterpriseName}」${need.title}`, url: PAGES.need(need._id) }));
  return queue('needResponsesOverdue', total, links, first(links, PAGES.needQueue));
}

/** Enterprises that applied with their unit and wait for an organizer of the org that serves them. */
export async function enterpriseApplications({ ctx, managed }: Scope): Promise<Queue> {
  const where = { leagueOrgId: ctx.db.command.in(managed), status: 'pending' };
  const [total, enterprises] = await counted(ctx, 'enterprises', where, ['name'], [['createdAt', 'asc']]);
  const links = enterprises.map((enterprise) => ({ name: enterprise.name, url: PAGES.enterprises }));
  return queue('enterpriseApplications', total, links, PAGES.enterprises);
}

/** An enterprise's interest in a public achievement reaches the team through its organizer. */
export async function interestsToForward({ ctx, managed }: Scope): Promise<Queue> {
  const where = { leagueOrgId: ctx.db.command.in(managed), status: 'new' };
  const [total, interests] = await counted(ctx, 'interests', where, ['enterpriseName', 'achievementTitle'], [['createdAt', 'asc']]);
  const links = interests.map((interest) => ({
    name: interest.achievementTitle
      ? `「${interest.enterpriseName}」对「${interest.achievementTitle}」`
      : `「${interest.enterpriseName}」的合作意向`,
    url: PAGES.interests,
  }));
  return queue('interestsToForward', total, links, PAGES.interests);
}
