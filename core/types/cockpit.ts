import type { Figures } from '../views/cockpit';

/** Figures as stored: rollups written before the need line (issue 17) have no `needs` or `transfers`. */
export type StoredFigures = Omit<Figures, 'needs' | 'transfers'> & Partial<Pick<Figures, 'needs' | 'transfers'>>;

/** One league org's own figures (not its subtree's), recomputed by dispatch; dashboards sum them. */
export type Rollup = { _id: string; orgId: string; figures: StoredFigures; computedAt: number };
