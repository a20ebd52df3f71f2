import type { OrgKind, OrgRole } from '../types';

export type OrgNode = {
  id: string;
  kind: OrgKind;
  name: string;
  unitName: string;
  parentId: string | null;
  retired: boolean;
  /** One of the caller's own scopes: editable, but not movable or retirable by them. */
  isScope: boolean;
};

/** The orgs a caller manages (retired ones included, marked), and which of them are their scopes. */
export type OrgTree = { scopeIds: string[]; orgs: OrgNode[] };

export type OrganizerRow = {
  userId: string;
  name: string;
  unitName: string;
  /** `database`: the role was set on the user record directly (before invites existed). */
  via: 'invite' | 'setup' | 'database';
  invitedByName: string;
  grantedAt: number | null;
  isSelf: boolean;
};

export type OrganizerList = {
  orgId: string;
  orgName: string;
  organizers: OrganizerRow[];
  /** Codes issued and not yet used or expired: who issued them and until when. */
  openCodes: { issuedByName: string; issuedAt: number; expiresAt: number }[];
  /** Organizers of orgs above, who also manage this one. */
  inheritedCount: number;
};

export type IssuedCode = { code: string; orgId: string; orgName: string; expiresAt: number };

export type HeldRole = { role: OrgRole; orgId: string; orgName: string; unitName: string; since: number | null; retired: boolean };

export type RedeemResult = { orgId: string; orgName: string; via: 'invite' | 'setup' };

export type ImportRowStatus = 'create' | 'exists' | 'error';
export type ImportRow = {
  /** The sheet's row number, as Excel shows it. */
  row: number;
  kind: OrgKind | null;
  name: string;
  unitName: string;
  parentName: string;
  status: ImportRowStatus;
  /** Why a row cannot be imported, or what it matched. */
  message: string;
};
export type ImportPreview = { rows: ImportRow[]; creates: number; exists: number; errors: number };
export type ImportResult = { created: number; skipped: number };

export type ImportTemplate = { fileId: string; url: string; fileName: string };
