export type OrgKind = 'league' | 'party';
export type Org = {
  _id: string;
  kind: OrgKind;
  name: string;
  /** A league org's superior; a party org's league org (the one whose organizers manage it), or null. */
  parentId: string | null;
  unitName: string;
  createdAt?: number;
  createdBy?: string | null;
  /** Retired: kept on record (letters and history name it), offered nowhere. */
  retiredAt?: number | null;
  retiredReason?: string;
};
