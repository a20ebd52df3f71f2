import type { Figures } from '../views/cockpit';

/** One league org's own figures (not its subtree's), recomputed by dispatch; dashboards sum them. */
export type Rollup = { _id: string; orgId: string; figures: Figures; computedAt: number };
