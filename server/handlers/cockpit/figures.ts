/**
 * Figures as plain data: the empty set, the sum of two (a subtree is the sum of its orgs' own
 * rollups), and the dashboard's view of a sum (the last 12 months, days rounded). Every list is
 * kept in one fixed order (fields as FIELDS lists them, months ascending, types as
 * ACHIEVEMENT_TYPES lists them), never by size: no rankings, and equal figures serialize equally.
 */
import { ACHIEVEMENT_TYPES } from '../../../core/achievement-rules';
import { CHALLENGE_STAGES } from '../../../core/cockpit-rules';
import { FIELDS } from '../../../core/fields';
import { inShanghai } from '../../../core/time';
import type { Figures } from '../../../core/views';

/** How many months of confirmed achievements the dashboard shows (the month of the figures and the 11 before it). */
export const DASHBOARD_MONTHS = 12;

export function emptyFigures(): Figures {
  return {
    teams: { byStatus: { pending: 0, registered: 0, rejected: 0, dissolved: 0 }, byField: [], refreshOverdue: 0 },
    challenges: {
      funnel: CHALLENGE_STAGES.map((stage) => ({ stage, count: 0 })),
      outcomes: { won: 0, completed: 0, failed: 0, stopped: 0, cancelled: 0 },
      stageDays: CHALLENGE_STAGES.map((stage) => ({ stage, days: null, left: 0 })),
    },
    achievements: { confirmedByMonth: [], confirmed: 0, unconfirmed: 0 },
    feedback: {
      letters: { issued: 0, opened: 0, acknowledged: 0, overdue: 0 },
      notices: { count: 0, needAck: 0, recipients: 0, acknowledged: 0 },
    },
  };
}

const fieldOrder = (field: string) => {
  const at = (FIELDS as readonly string[]).indexOf(field);
  return at < 0 ? FIELDS.length : at;
};

/** Field counts in FIELDS order (a field no longer listed goes last, by name); zeros left out. */
export function fieldList(counts: Map<string, number>): Figures['teams']['byField'] {
  return [...counts]
    .filter(([, count]) => count > 0)
    .sort(([a], [b]) => fieldOrder(a) - fieldOrder(b) || a.localeCompare(b))
    .map(([field, count]) => ({ field, count }));
}

/** Type counts in ACHIEVEMENT_TYPES order; zeros left out. */
export function typeRecord(counts: Record<string, number>): Record<string, number> {
  const known = ACHIEVEMENT_TYPES.filter((type) => counts[type]);
  const other = Object.keys(counts)
    .filter((type) => counts[type] && !(ACHIEVEMENT_TYPES as readonly string[]).includes(type))
    .sort();
  return Object.fromEntries([...known, ...other].map((type) => [type, counts[type]]));
}

const addCounts = <T extends Record<string, number>>(a: T, b: T): T =>
  Object.fromEntries(Object.keys(a).map((key) => [key, a[key] + (b[key] ?? 0)])) as T;

function addMonths(a: Figures['achievements']['confirmedByMonth'], b: Figures['achievements']['confirmedByMonth']) {
  const months = new Map<string, Record<string, number>>();
  for (const { month, byType } of [...a, ...b]) {
    const into = months.get(month) ?? {};
    for (const [type, count] of Object.entries(byType)) into[type] = (into[type] ?? 0) + count;
    months.set(month, into);
  }
  return [...months]
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([month, byType]) => ({ month, total: Object.values(byType).reduce((sum, count) => sum + count, 0), byType: typeRecord(byType) }));
}

/** a + b. Counts add; a stage's average days is weighted by how many challenges left the stage. */
export function addFigures(a: Figures, b: Figures): Figures {
  const fields = new Map<string, number>();
  for (const { field, count } of [...a.teams.byField, ...b.teams.byField]) fields.set(field, (fields.get(field) ?? 0) + count);
  return {
    teams: {
      byStatus: addCounts(a.teams.byStatus, b.teams.byStatus),
      byField: fieldList(fields),
      refreshOverdue: a.teams.refreshOverdue + b.teams.refreshOverdue,
    },
    challenges: {
      funnel: a.challenges.funnel.map((step, i) => ({ stage: step.stage, count: step.count + b.challenges.funnel[i].count })),
      outcomes: addCounts(a.challenges.outcomes, b.challenges.outcomes),
      stageDays: a.challenges.stageDays.map((step, i) => {
        const other = b.challenges.stageDays[i];
        const left = step.left + other.left;
        const total = (step.days ?? 0) * step.left + (other.days ?? 0) * other.left;
        return { stage: step.stage, days: left ? total / left : null, left };
      }),
    },
    achievements: {
      confirmedByMonth: addMonths(a.achievements.confirmedByMonth, b.achievements.confirmedByMonth),
      confirmed: a.achievements.confirmed + b.achievements.confirmed,
      unconfirmed: a.achievements.unconfirmed + b.achievements.unconfirmed,
    },
    feedback: {
      letters: addCounts(a.feedback.letters, b.feedback.letters),
      notices: addCounts(a.feedback.notices, b.feedback.notices),
    },
  };
}

export const sumFigures = (all: Figures[]): Figures => all.reduce(addFigures, emptyFigures());

/** The Shanghai month (YYYY-MM) of a moment. */
export const monthOf = (ms: number) => inShanghai(ms).format('YYYY-MM');

/** The dashboard's months: the month of `at` and the ones before it, oldest first. */
export function monthsUpTo(at: number, count = DASHBOARD_MONTHS): string[] {
  const last = inShanghai(at).startOf('month');
  return Array.from({ length: count }, (_, i) => last.subtract(count - 1 - i, 'month').format('YYYY-MM'));
}

/** What a dashboard shows of a sum: every month of the window (zeros included), days to one decimal. */
export function shownFigures(figures: Figures, months: string[]): Figures {
  const byMonth = new Map(figures.achievements.confirmedByMonth.map((entry) => [entry.month, entry]));
  return {
    ...figures,
    challenges: {
      ...figures.challenges,
      stageDays: figures.challenges.stageDays.map((step) => ({
        ...step,
        days: step.days === null ? null : Math.round(step.days * 10) / 10,
      })),
    },
    achievements: {
      ...figures.achievements,
      confirmedByMonth: months.map((month) => byMonth.get(month) ?? { month, total: 0, byType: {} }),
    },
  };
}

/** Serialized with keys in order, so figures read back from the database compare by content. */
export function sameFigures(a: Figures, b: Figures): boolean {
  const stable = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(stable)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.keys(value)
              .sort()
              .map((key) => [key, stable((value as Record<string, unknown>)[key])]),
          )
        : value;
  return JSON.stringify(stable(a)) === JSON.stringify(stable(b));
}
