/** What every export builder receives and returns. */
import type { Org, User } from '../../../../core/types';
import type { Ctx } from '../../../runtime/context';
import { leagueSubtree } from '../../../runtime/orgs';
import type { SheetSpec } from './sheet';

/** Whose records an export covers: the chosen league org and every league org beneath it, as the pages show them. */
export type ExportScope = {
  caller: User;
  org: Org;
  orgs: Org[];
  leagueIds: string[];
  now: number;
};

export function scopeOf(caller: User, org: Org, orgs: Org[], now: number): ExportScope {
  return { caller, org, orgs, leagueIds: [...leagueSubtree(orgs, [org._id])], now };
}

/** How the scope reads in an audit entry or a sheet: 「华芯微电子团委及下级组织」. */
export const scopeLabel = (scope: ExportScope) => (scope.leagueIds.length > 1 ? `${scope.org.name}及下级组织` : scope.org.name);

/**
 * An export in two steps: `load` reads the records the rows are made of (so their number is known
 * and an oversized export is refused before anything is written); `finish` reads the names they
 * show, while the handler writes the audit entry.
 */
export type Loaded = {
  rows: number;
  /** Added to the file name and the audit entry (e.g. the event's title), when the export is narrower than the org. */
  subject?: string;
  finish: () => Promise<SheetSpec[]>;
};

export type ExportBuilder = (ctx: Ctx, scope: ExportScope, input: { eventId?: string }) => Promise<Loaded>;
