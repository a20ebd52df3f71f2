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
  /**
   * Bulk reads (Excel exports): a chain such as teams → members → people is one round deeper than a
   * page, and a round is added per thousand rows read; measured apart for time and memory (bench/export.ts).
   */
  bulkReads?: string[];
  bulkDepth?: number;
};

/** What is over budget in a row, in words; empty when within. */
export function overBudget(row: Row, budget: RoundTripBudget): string[] {
  const problems: string[] = [];
  const name = row.action.split('（')[0];
  const fanOut = budget.fanOuts.includes(name);
  const bulk = budget.bulkReads?.includes(name) ?? false;
  const readDepth = bulk ? (budget.bulkDepth ?? budget.readDepth) : budget.readDepth;
  const writeDepth = bulk ? (budget.bulkDepth ?? budget.writeDepthOutsideTransaction) : budget.writeDepthOutsideTransaction;
  for (const [world, measured] of [
    ['示例', row.demo],
    ['大规模', row.large],
  ] as const) {
    if (!measured.ok) problems.push(`${world}数据下调用失败：${measured.failure}`);
    if (row.kind === 'read' && measured.depth > readDepth) problems.push(`${world}数据下串行 ${measured.depth} 次（预算 ${readDepth}）`);
    if (row.kind === 'write' && measured.outsideTx > writeDepth)
      problems.push(`${world}数据下事务外串行 ${measured.outsideTx} 次（预算 ${writeDepth}）`);
    if (row.kind === 'write' && !fanOut && measured.transactions > budget.transactionsPerWrite)
      problems.push(`${world}数据下 ${measured.transactions} 个事务（预算 ${budget.transactionsPerWrite}）`);
  }
  if (!fanOut && !bulk && row.large.calls !== row.demo.calls) problems.push(`调用次数随数据量增长：${row.demo.calls} → ${row.large.calls}`);
  return problems;
}
