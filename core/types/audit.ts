export type AuditEntry = {
  _id?: string;
  at: number;
  actor: string;
  fn: string;
  action: string;
  target: string;
  summary: string;
};
