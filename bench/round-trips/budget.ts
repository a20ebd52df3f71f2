/** The round-trip budgets of bench/budgets.json applied to one row of the round-trip bench. */
import type { CallProfile } from '../../devcloud/store';

export type Measured = CallProfile & { p95Ms: number; samples: number; ok: boolean; failure?: string };
export type Row = { action: string; kind: 'read' | 'write'; demo: Measured; large: Measured };
export type CheckedRow = Row & { problems: string[] };

export type RoundTripBudget = {
  latencyMs: number;
  /** A read: round trips one after another, the caller's own record and the access check included. */
  readDepth: number;
  /** A write: round trips one after another outside its transaction (reads before it, anything after). */
  writeDepthOutsideTransaction: number;
  transactionsPerWrite: number;
  /** Actions that message every member of a team or audience: their calls grow with it, in batches (measured apart). */
  fanOuts: string[];
};

/** What is over budget in a row, in words; empty when within. */
export function overBudget(row: Row, budget: RoundTripBudget): string[] {
  const problems: string[] = [];
  const fanOut = budget.fanOuts.includes(row.action.split('（')[0]);
  for (const [world, measured] of [
    ['示例', row.demo],
    ['大规模', row.large],
  ] as const) {
    if (!measured.ok) problems.push(`${world}数据下调用失败：${measured.failure}`);
    if (row.kind === 'read' && measured.depth > budget.readDepth)
      problems.push(`${world}数据下串行 ${measured.depth} 次（预算 ${budget.readDepth}）`);
    if (row.kind === 'write' && measured.outsideTx > budget.writeDepthOutsideTransaction)
      problems.push(`${world}数据下事务外串行 ${measured.outsideTx} 次（预算 ${budget.writeDepthOutsideTransaction}）`);
    if (row.kind === 'write' && !fanOut && measured.transactions > budget.transactionsPerWrite)
      problems.push(`${world}数据下 ${measured.transactions} 个事务（预算 ${budget.transactionsPerWrite}）`);
  }
  if (!fanOut && row.large.calls !== row.demo.calls) problems.push(`调用次数随数据量增长：${row.demo.calls} → ${row.large.calls}`);
  return problems;
}
