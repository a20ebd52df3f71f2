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
  /**
   * The dashboards' rollups: how many were rewritten, or why not this run — still fresh, another run
   * holds the lease, reading ran past its deadline, the lease was lost, or the run had no time left.
   */
  rollups: { written: number } | { skipped: 'fresh' | 'held' | 'deadline' | 'lost' | 'late' };
};
