/**
 * Figures as plain data: the empty set, the sum of two (a subtree is the sum of its orgs' own
 * rollups), and the dashboard's view of a sum (the last 12 months, days rounded). Every list is
 * kept in one fixed order (fields as FIELDS lists them, months ascending, types as
 * ACHIEVEMENT_TYPES lists them, transfer kinds as TRANSFER_KINDS does), never by size: no
 * rankings, and equal figures serialize equally.
 */
import { ACHIEVEMENT_TYPES } from '../../../core/achievement-rules';
import { CHALLENGE_STAGES, NEED_LINE_SPANS, NEED_LINE_STAGES } from '../../../core/cockpit-rules';
import { FIELDS } from '../../../core/fields';
import { TRANSFER_KINDS } from '../../../core/need-rules';
import { inShanghai } from '../../../core/time';
import type { StoredFigures } from '../../../core/types';
import type { Figures, NeedLineFigures, TransferFigures } from '../../../core/views';

/** How many months of confirmed achievements the dashboard shows (the month of the figures and the 11 before it). */
export const DASHBOARD_MONTHS = 12;

export function emptyNeedLine(): NeedLineFigures {
  return {
    funnel: NEED_LINE_STAGES.map((stage) => ({ stage, count: 0 })),
    spanDays: NEED_LINE_SPANS.map((span) => ({ span, days: null, passed: 0 })),
  };
}

export function emptyTransfers(): TransferFigures {
  return {
    confirmed: { count: 0, amount: 0 },
    byKind: TRANSFER_KINDS.map((kind) => ({ kind, count: 0, amount: 0 })),
    pending: 0,
    disputed: 0,
  };
}

/** Stored figures with what a rollup written before the need line lacks filled in as nothing yet. */
export function completeFigures(stored: StoredFigures): Figures {
  return { ...stored, needs: stored.needs ?? emptyNeedLine(), transfers: stored.transfers ?? emptyTransfers() };
}

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
    needs: emptyNeedLine(),
    transfers: emptyTransfers(),
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

/** Two averages of day counts as one, each weighted by how many it averaged. */
function addDays(a: { days: number | null; count: number }, b: { days: number | null; count: number }) {
  const count = a.count + b.count;
  return { days: count ? ((a.days ?? 0) * a.count + (b.days ?? 0) * b.count) / count : null, count };
}

function addNeedLine(a: NeedLineFigures, b: NeedLineFigures): NeedLineFigures {
  return {
    funnel: a.funnel.map((step, i) => ({ stage: step.stage, count: step.count + (b.funnel[i]?.count ?? 0) })),
    spanDays: a.spanDays.map((step, i) => {
      const other = b.spanDays[i] ?? { days: null, passed: 0 };
      const sum = addDays({ days: step.days, count: step.passed }, { days: other.days, count: other.passed });
      return { span: step.span, days: sum.days, passed: sum.count };
    }),
  };
}

function addTransfers(a: TransferFigures, b: TransferFigures): TransferFigures {
  return {
    confirmed: addCounts(a.confirmed, b.confirmed),
    byKind: a.byKind.map((entry) => {
      const other = b.byKind.find((one) => one.kind === entry.kind);
      return { kind: entry.kind, count: entry.count + (other?.count ?? 0), amount: entry.amount + (other?.amount ?? 0) };
    }),
    pending: a.pending + b.pending,
    disputed: a.disputed + b.disputed,
  };
}

/** a + b. Counts add; a stage's average days is weighted by how many challenges left the stage. */
export function addFigures(a: Figures, stored: StoredFigures): Figures {
  const b = completeFigures(stored);
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
        const sum = addDays({ days: step.days, count: step.left }, { days: other.days, count: other.left });
        return { stage: step.stage, days: sum.days, left: sum.count };
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
    needs: addNeedLine(a.needs, b.needs),
    transfers: addTransfers(a.transfers, b.transfers),
  };
}

export const sumFigures = (all: StoredFigures[]): Figures => all.reduce(addFigures, emptyFigures());

/** The Shanghai month (YYYY-MM) of a moment. */
export const monthOf = (ms: number) => inShanghai(ms).format('YYYY-MM');

/** The dashboard's months: the month of `at` and the ones before it, oldest first. */
export function monthsUpTo(at: number, count = DASHBOARD_MONTHS): string[] {
  const last = inShanghai(at).startOf('month');
  return Array.from({ length: count }, (_, i) => last.subtract(count - 1 - i, 'month').format('YYYY-MM'));
}

const oneDecimal = (days: number | null) => (days === null ? null : Math.round(days * 10) / 10);

/** What a dashboard shows of a sum: every month of the window (zeros included), days to one decimal. */
export function shownFigures(figures: Figures, months: string[]): Figures {
  const byMonth = new Map(figures.achievements.confirmedByMonth.map((entry) => [entry.month, entry]));
  return {
    ...figures,
    needs: { ...figures.needs, spanDays: figures.needs.spanDays.map((step) => ({ ...step, days: oneDecimal(step.days) })) },
    challenges: {
      ...figures.challenges,
      stageDays: figures.challenges.stageDays.map((step) => ({ ...step, days: oneDecimal(step.days) })),
    },
    achievements: {
      ...figures.achievements,
      confirmedByMonth: months.map((month) => byMonth.get(month) ?? { month, total: 0, byType: {} }),
    },
  };
}

/** Serialized with keys in order, so figures read back from the database compare by content. */
export function sameFigures(a: StoredFigures, b: StoredFigures): boolean {
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
