export type DispatchReport = {
  sent: number;
  inAppOnly: number;
  retried: number;
  failed: number;
  /** Found still being sent after a crash: recorded 结果未知, never sent again. */
  unknown: number;
  flagged: number;
  reminded: number;
  /** Letters unacknowledged past the reminder, reminded and flagged this run. */
  lettersReminded: number;
  /** Quarterly draft letters prepared this run. */
  draftsPrepared: number;
};
