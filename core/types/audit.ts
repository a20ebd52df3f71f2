export type AuditEntry = {
  _id?: string;
  at: number;
  actor: string;
  fn: string;
  action: string;
  target: string;
  summary: string;
  /** The league org whose object changed: what its organizers' trail lists (entries before this field have none). */
  orgId?: string;
  /** The team whose object changed: what its leader's trail lists. */
  teamId?: string;
};
