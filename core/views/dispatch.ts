export type DispatchReport = {
  sent: number;
  inAppOnly: number;
  retried: number;
  failed: number;
  flagged: number;
  reminded: number;
  /** Letters unacknowledged past the reminder, reminded and flagged this run. */
  lettersReminded: number;
  /** Quarterly draft letters prepared this run. */
  draftsPrepared: number;
};
