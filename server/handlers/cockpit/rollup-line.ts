/**
 * The need line (企业点单 → 成果转化, issue 17 §5) and the contract amounts, counted per league org
 * as the rollup job reads needs and transfers.
 *
 * A need counts under the org that serves its enterprise (need.leagueOrgId). Each stage is reached
 * by its own mark:
 *   received   submitted (submittedAt set; drafts never count)
 *   taken      ever taken (takenAt set, or an outcome, which only a taken need gets)
 *   challenge  its outcome is 转为榜单 (outcome.kind challenge)
 *   claimed    that challenge has at least one claim (withdrawn ones too)
 *   won        that challenge closed with a winner (status completed)
 *   transferred  a confirmed transfer names the need (transfer.needId)
 * Spans, each averaged over the needs that went through it (both moments stored):
 *   waiting      submittedAt → takenAt (the latest taking: a released and retaken need counts from submission)
 *   handling     takenAt → outcome.at (any outcome: deciding is the end of handling)
 *   soliciting   the challenge's createdAt → its publishedAt (征榜 until 发榜)
 *   open         publishedAt → its first claim's appliedAt
 *   working      first claim → the challenge's outcome.at when completed
 *   transferring the challenge's outcome.at → the first confirmed transfer's decision.at
 * Amounts: every transfer of a team of the org (transfer.leagueOrgId), need-born or not. Confirmed
 * ones are counted and summed (and by kind); pending and disputed ones are counted beside, never summed.
 */
import type { NeedLineFigures, TransferFigures } from '../../../core/views';
import type { Need, Transfer } from '../../../core/types';
import { NEED_LINE_SPANS } from '../../../core/cockpit-rules';

export type NeedRow = Pick<Need, '_id' | 'leagueOrgId' | 'submittedAt' | 'takenAt' | 'outcome'>;
export type TransferRow = Pick<Transfer, '_id' | 'leagueOrgId' | 'needId' | 'status' | 'kind' | 'amount' | 'decision'>;

/** What the line needs of the challenge a need became. */
export type ChallengeMarks = { createdAt: number; publishedAt: number | null; firstClaimAt: number | null; wonAt: number | null };

/** Per span: total ms spent by the needs that went through it. */
export const emptySpanMs = () => NEED_LINE_SPANS.map(() => 0);

export function addTransfer(figures: TransferFigures, transfer: TransferRow): void {
  if (transfer.status === 'pending') figures.pending += 1;
  if (transfer.status === 'disputed') figures.disputed += 1;
  if (transfer.status !== 'confirmed') return;
  figures.confirmed.count += 1;
  figures.confirmed.amount += transfer.amount;
  const byKind = figures.byKind.find((entry) => entry.kind === transfer.kind);
  if (byKind) {
    byKind.count += 1;
    byKind.amount += transfer.amount;
  }
}

/**
 * One need into its org's figures. `challenge` is the challenge it became (when it did and it
 * exists); `transferred` is whether a confirmed transfer names it and when the first was confirmed.
 */
export function addNeed(
  figures: NeedLineFigures,
  spanMs: number[],
  need: NeedRow,
  challenge: ChallengeMarks | null,
  transferred: { at: number | null } | null,
): void {
  if (need.submittedAt === null) return;
  const outcome = need.outcome;
  const becameChallenge = outcome?.kind === 'challenge';
  const marks = becameChallenge ? challenge : null;
  const reached = [
    true,
    need.takenAt !== null || outcome !== null,
    becameChallenge,
    marks?.firstClaimAt != null,
    marks?.wonAt != null,
    transferred !== null,
  ];
  reached.forEach((yes, stage) => {
    if (yes) figures.funnel[stage].count += 1;
  });
  const spans: [number | null | undefined, number | null | undefined][] = [
    [need.submittedAt, need.takenAt],
    [need.takenAt, outcome?.at],
    [marks?.createdAt, marks?.publishedAt],
    [marks?.publishedAt, marks?.firstClaimAt],
    [marks?.firstClaimAt, marks?.wonAt],
    [marks?.wonAt, transferred?.at],
  ];
  spans.forEach(([from, to], span) => {
    if (from == null || to == null) return;
    figures.spanDays[span].passed += 1;
    spanMs[span] += Math.max(0, to - from);
  });
}
