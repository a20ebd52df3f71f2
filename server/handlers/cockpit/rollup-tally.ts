/**
 * One league org's own figures, counted from records as the rollup job reads them, page by page.
 * What each figure counts:
 * - Teams: every team by status; registered teams by field; registered teams whose 备案 was last
 *   confirmed more than REFRESH_AFTER_DAYS ago (isRefreshDue, as the reminder counts them).
 * - Challenges, under the org that issued them. The funnel counts the challenges that reached each
 *   stage, each stage entered at:
 *     征榜 created (drafts included) · 发榜 published (publishedAt) · 揭榜 its first claim (any
 *     claim, withdrawn ones too) · 评榜 its first claim selected at review (a claim now accepted,
 *     stopped, won, completed or failed; entered at that review) · 夺榜 closed with a winner
 *     (status completed; entered at outcome.at).
 *   A challenge leaves a stage when it enters the next, or when it ends there (结榜 未成功 at
 *   outcome.at, 撤榜 at cancelled.at); stage days average over the challenges that left the stage.
 *   夺榜 is where a challenge ends: it has no days.
 *   Outcomes: challenges completed (已夺榜), failed (未成功), cancelled (已撤榜); claims won (夺榜的队伍)
 *   and stopped (止步的队伍).
 * - Achievements: confirmed ones by Shanghai month of (last) confirmation and type; submitted ones
 *   (待确认) counted apart as unconfirmed, never in the totals. Drafts, returned ones and ones hidden
 *   after a report count nowhere.
 * - Letters (issued ones, under the team's org): issued, opened (or acknowledged), acknowledged, and
 *   overdue = not acknowledged ACK_REMIND_DAYS after issue (when dispatch reminds and flags them).
 * - Notices: how many, how many ask for 已知悉, the recipients of those (notice.recipientCount), and
 *   the receipts acknowledged on them: acknowledged / recipients is the acknowledgement rate.
 * - Needs and transfers (企业点单 → 成果转化): see rollup-line.ts.
 */
import { ACK_REMIND_DAYS } from '../../../core/feedback-rules';
import type { ClaimStatus } from '../../../core/challenge-rules';
import { isRefreshDue } from '../../../core/team-rules';
import { DAY_MS } from '../../../core/time';
import type { Achievement, Challenge, Claim, Letter, Notice, Team } from '../../../core/types';
import type { Figures } from '../../../core/views';
import { emptyFigures, fieldList, monthOf, typeRecord } from './figures';
import { addNeed, addTransfer, emptySpanMs, type ChallengeMarks, type NeedRow, type TransferRow } from './rollup-line';

export type TeamRow = Pick<Team, '_id' | 'leagueOrgId' | 'status' | 'field' | 'refreshedAt'>;
export type ChallengeRow = Pick<Challenge, '_id' | 'leagueOrgId' | 'status' | 'createdAt' | 'publishedAt' | 'cancelled' | 'outcome'>;
export type ClaimRow = Pick<Claim, '_id' | 'challengeId' | 'status' | 'appliedAt' | 'review'>;
export type AchievementRow = Pick<Achievement, '_id' | 'leagueOrgId' | 'status' | 'type' | 'confirmedAt'> &
  Pick<Partial<Achievement>, 'hidden'>;
export type LetterRow = Pick<Letter, '_id' | 'leagueOrgId' | 'status' | 'issuedAt' | 'openedAt'>;
export type NoticeRow = Pick<Notice, '_id' | 'leagueOrgId' | 'requireAck' | 'recipientCount'>;

/** Claims that passed review: selected, whatever became of them after. */
const SELECTED: ClaimStatus[] = ['accepted', 'stopped', 'won', 'completed', 'failed'];

/** What a challenge's claims say about it. */
type ClaimSide = { firstClaimAt: number | null; firstSelectedAt: number | null; won: number; stopped: number };

type OrgTally = {
  figures: Figures;
  fields: Map<string, number>;
  months: Map<string, Record<string, number>>;
  /** Per stage: total ms spent by challenges that left it. */
  stageMs: number[];
  /** Per span of the need line: total ms spent by needs that went through it. */
  spanMs: number[];
};

const earliest = (a: number | null, b: number) => (a === null ? b : Math.min(a, b));

export class Tally {
  private orgs = new Map<string, OrgTally>();
  private claimSides = new Map<string, ClaimSide>();
  private challenges: ChallengeRow[] = [];
  private noticeOrgs = new Map<string, string>();
  private needRows: NeedRow[] = [];
  /** Needs a confirmed transfer names, with the earliest confirmation among them. */
  private transferred = new Map<string, { at: number | null }>();

  constructor(private readonly now: number) {}

  private org(orgId: string): OrgTally {
    let tally = this.orgs.get(orgId);
    if (!tally) {
      tally = { figures: emptyFigures(), fields: new Map(), months: new Map(), stageMs: [0, 0, 0, 0, 0], spanMs: emptySpanMs() };
      this.orgs.set(orgId, tally);
    }
    return tally;
  }

  teams(rows: TeamRow[]): void {
    for (const team of rows) {
      const tally = this.org(team.leagueOrgId);
      tally.figures.teams.byStatus[team.status] += 1;
      if (team.status !== 'registered') continue;
      tally.fields.set(team.field, (tally.fields.get(team.field) ?? 0) + 1);
      if (isRefreshDue(team, this.now)) tally.figures.teams.refreshOverdue += 1;
    }
  }

  /** Challenges are counted once their claims are all read too (see `finish`). */
  challengeRows(rows: ChallengeRow[]): void {
    this.challenges.push(...rows);
  }

  claims(rows: ClaimRow[]): void {
    for (const claim of rows) {
      const side = this.claimSides.get(claim.challengeId) ?? { firstClaimAt: null, firstSelectedAt: null, won: 0, stopped: 0 };
      side.firstClaimAt = earliest(side.firstClaimAt, claim.appliedAt);
      if (SELECTED.includes(claim.status) && claim.review) side.firstSelectedAt = earliest(side.firstSelectedAt, claim.review.at);
      if (claim.status === 'won') side.won += 1;
      if (claim.status === 'stopped') side.stopped += 1;
      this.claimSides.set(claim.challengeId, side);
    }
  }

  achievements(rows: AchievementRow[]): void {
    for (const achievement of rows) {
      if (achievement.status === 'submitted') this.org(achievement.leagueOrgId).figures.achievements.unconfirmed += 1;
      // Hidden after a report: it no longer stands as shown work, so it is not in the totals either.
      if (achievement.status !== 'confirmed' || achievement.hidden) continue;
      const tally = this.org(achievement.leagueOrgId);
      tally.figures.achievements.confirmed += 1;
      const month = monthOf(achievement.confirmedAt);
      const byType = tally.months.get(month) ?? {};
      byType[achievement.type] = (byType[achievement.type] ?? 0) + 1;
      tally.months.set(month, byType);
    }
  }

  letters(rows: LetterRow[]): void {
    for (const letter of rows) {
      if (letter.status === 'draft') continue;
      const counts = this.org(letter.leagueOrgId).figures.feedback.letters;
      counts.issued += 1;
      if (letter.openedAt !== null || letter.status === 'acknowledged') counts.opened += 1;
      if (letter.status === 'acknowledged') counts.acknowledged += 1;
      else if (letter.issuedAt !== null && this.now - letter.issuedAt > ACK_REMIND_DAYS * DAY_MS) counts.overdue += 1;
    }
  }

  notices(rows: NoticeRow[]): void {
    for (const notice of rows) {
      const counts = this.org(notice.leagueOrgId).figures.feedback.notices;
      counts.count += 1;
      if (!notice.requireAck) continue;
      counts.needAck += 1;
      counts.recipients += notice.recipientCount;
      this.noticeOrgs.set(notice._id, notice.leagueOrgId);
    }
  }

  /** Notices whose acknowledgements are counted (those that ask for 已知悉), as read so far. */
  ackNoticeIds(): string[] {
    return [...this.noticeOrgs.keys()];
  }

  /** Receipts acknowledged on the notices of `ackNoticeIds`. */
  acknowledgements(rows: { noticeId: string }[]): void {
    for (const receipt of rows) {
      const orgId = this.noticeOrgs.get(receipt.noticeId);
      if (orgId) this.org(orgId).figures.feedback.notices.acknowledged += 1;
    }
  }

  /** Needs are counted once their challenges, claims and transfers are all read too (see `finish`). */
  needs(rows: NeedRow[]): void {
    this.needRows.push(...rows);
  }

  transfers(rows: TransferRow[]): void {
    for (const transfer of rows) {
      addTransfer(this.org(transfer.leagueOrgId).figures.transfers, transfer);
      if (transfer.status !== 'confirmed' || !transfer.needId) continue;
      const at = transfer.decision?.at ?? null;
      const before = this.transferred.get(transfer.needId);
      const earliest = before?.at == null ? at : at === null ? before.at : Math.min(before.at, at);
      this.transferred.set(transfer.needId, { at: earliest });
    }
  }

  /** What the need line reads of each challenge: when it was drafted, published, first claimed and won. */
  private challengeMarks(): Map<string, ChallengeMarks> {
    return new Map(
      this.challenges.map((challenge) => [
        challenge._id,
        {
          createdAt: challenge.createdAt,
          publishedAt: challenge.publishedAt,
          firstClaimAt: this.claimSides.get(challenge._id)?.firstClaimAt ?? null,
          wonAt: challenge.status === 'completed' ? (challenge.outcome?.at ?? null) : null,
        },
      ]),
    );
  }

  private challenge(challenge: ChallengeRow): void {
    const tally = this.org(challenge.leagueOrgId);
    const side = this.claimSides.get(challenge._id);
    const published = challenge.publishedAt;
    const entered = [
      challenge.createdAt,
      published,
      published === null ? null : (side?.firstClaimAt ?? null),
      published === null ? null : (side?.firstSelectedAt ?? null),
      challenge.status === 'completed' ? (challenge.outcome?.at ?? null) : null,
    ];
    const endedAt = challenge.outcome?.at ?? challenge.cancelled?.at ?? null;
    const { funnel, stageDays, outcomes } = tally.figures.challenges;
    for (let stage = 0; stage < entered.length; stage += 1) {
      const at = entered[stage];
      // Stages are reached in order: the first one not reached ends the walk.
      if (at === null) break;
      funnel[stage].count += 1;
      if (stage === entered.length - 1) break;
      const next = entered[stage + 1];
      const leftAt = next ?? endedAt;
      if (leftAt === null) continue;
      stageDays[stage].left += 1;
      tally.stageMs[stage] += Math.max(0, leftAt - at);
    }
    if (challenge.status === 'completed') outcomes.completed += 1;
    if (challenge.status === 'failed') outcomes.failed += 1;
    if (challenge.status === 'cancelled') outcomes.cancelled += 1;
    outcomes.won += side?.won ?? 0;
    outcomes.stopped += side?.stopped ?? 0;
  }

  /** Every org's own figures, once every record has been read. */
  finish(): Map<string, Figures> {
    for (const challenge of this.challenges) this.challenge(challenge);
    const marks = this.challengeMarks();
    for (const need of this.needRows) {
      if (need.submittedAt === null) continue;
      const tally = this.org(need.leagueOrgId);
      const challengeId = need.outcome?.challengeId;
      const challenge = challengeId ? (marks.get(challengeId) ?? null) : null;
      addNeed(tally.figures.needs, tally.spanMs, need, challenge, this.transferred.get(need._id) ?? null);
    }
    const out = new Map<string, Figures>();
    for (const [orgId, tally] of this.orgs) {
      const { figures } = tally;
      figures.teams.byField = fieldList(tally.fields);
      figures.challenges.stageDays = figures.challenges.stageDays.map((step, i) => ({
        ...step,
        days: step.left ? tally.stageMs[i] / step.left / DAY_MS : null,
      }));
      figures.needs.spanDays = figures.needs.spanDays.map((step, i) => ({
        ...step,
        days: step.passed ? tally.spanMs[i] / step.passed / DAY_MS : null,
      }));
      figures.achievements.confirmedByMonth = [...tally.months]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([month, byType]) => ({
          month,
          total: Object.values(byType).reduce((sum, count) => sum + count, 0),
          byType: typeRecord(byType),
        }));
      out.set(orgId, figures);
    }
    return out;
  }
}
