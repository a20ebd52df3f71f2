/**
 * The entries of a need's line (§5), each from the record that holds it: the need's own steps, its
 * challenge and that challenge's 征榜, claims, gates, achievements and transfers. Pure: the reads
 * are in trace.ts.
 */
import { ACHIEVEMENT_STATUS_LABELS, ACHIEVEMENT_TYPE_LABELS } from '../../../core/achievement-rules';
import { CHALLENGE_STATUS_LABELS, CLAIM_STATUS_LABELS, MILESTONE_STATUS_LABELS } from '../../../core/challenge-rules';
import { formatYuan } from '../../../core/money';
import {
  EXPERT_VERDICT_LABELS,
  NEED_STEP_LABELS,
  TRANSFER_KIND_LABELS,
  TRANSFER_STATUS_LABELS,
  type NeedStepKind,
} from '../../../core/need-rules';
import { excerpt } from '../../../core/text';
import { formatDate } from '../../../core/time';
import type { Achievement, Challenge, Claim, Milestone, Need, Transfer } from '../../../core/types';
import type { TraceEntry } from '../../../core/views';

/** Steps the challenge's and the transfers' own entries already tell, with more detail. */
const TOLD_ELSEWHERE: NeedStepKind[] = ['challengePublished', 'commitmentsConfirmed', 'challengeEnded', 'transferConfirmed'];

const NOTE_LENGTH = 80;

export function needEntries(need: Need, hasChallenge: boolean): TraceEntry[] {
  return need.steps
    .filter((step) => !(hasChallenge && TOLD_ELSEWHERE.includes(step.kind)))
    .map((step) => ({
      at: step.at,
      kind: 'need',
      title: NEED_STEP_LABELS[step.kind],
      note: step.note,
      link: { page: 'need', id: need._id },
    }));
}

/** Where a merged need went; its title only where the reader may see that need. */
export function mergedEntry(need: Need, into: Pick<Need, '_id' | 'title'> | null): TraceEntry[] {
  if (!need.outcome?.mergedInto) return [];
  return [
    {
      at: need.outcome.at,
      kind: 'need',
      title: into ? `已合并到需求「${into.title}」` : '已合并到另一条需求',
      note: '后续进展在合并后的需求上继续',
      link: into ? { page: 'need', id: into._id } : null,
    },
  ];
}

/**
 * `seesComments`: the experts' comments are for the organizers, the enterprise and the experts (as on
 * the 征榜 page); others read each verdict alone.
 */
export function challengeEntries(challenge: Challenge, seesComments: boolean): TraceEntry[] {
  const link = { page: 'challenge', id: challenge._id } as const;
  const entries: TraceEntry[] = [
    {
      at: challenge.createdAt,
      kind: 'challenge',
      title: `起草榜单「${challenge.title}」`,
      note: `当前：${CHALLENGE_STATUS_LABELS[challenge.status]}`,
      link,
    },
  ];
  const solicit = challenge.solicit;
  if (solicit?.commitments) {
    entries.push({
      at: solicit.commitments.at,
      kind: 'solicit',
      title: '录入出题方承诺',
      note: excerpt(solicit.commitments.reward, NOTE_LENGTH),
      link,
    });
  }
  if (solicit?.commitmentsConfirmed) {
    entries.push({ at: solicit.commitmentsConfirmed.at, kind: 'solicit', title: '企业确认出题方承诺', note: '', link });
  }
  for (const expert of solicit?.experts ?? []) {
    if (expert.verdict === 'pending' || expert.at === null) continue;
    const title = `评审专家${expert.name}：${EXPERT_VERDICT_LABELS[expert.verdict]}`;
    entries.push({ at: expert.at, kind: 'solicit', title, note: seesComments ? excerpt(expert.comment, NOTE_LENGTH) : '', link });
  }
  if (challenge.publishedAt) {
    entries.push({
      at: challenge.publishedAt,
      kind: 'challenge',
      title: '发榜',
      note: `揭榜截止 ${formatDate(challenge.claimDeadline)}`,
      link,
    });
  }
  if (challenge.cancelled) {
    entries.push({ at: challenge.cancelled.at, kind: 'challenge', title: '撤榜', note: challenge.cancelled.reason, link });
  }
  if (challenge.outcome) {
    const result = challenge.outcome.result === 'success' ? '夺榜' : '未成功';
    entries.push({
      at: challenge.outcome.at,
      kind: 'challenge',
      title: `结榜：${result}`,
      note: excerpt(challenge.outcome.summary, NOTE_LENGTH),
      link,
    });
  }
  return entries;
}

export function claimEntries(claims: Claim[]): TraceEntry[] {
  return claims.flatMap((claim) => {
    const link = { page: 'claim', id: claim.challengeId, teamId: claim.teamId } as const;
    const entries: TraceEntry[] = [{ at: claim.appliedAt, kind: 'claim', title: `${claim.teamName} 揭榜`, note: '提交揭榜方案', link }];
    const { review, ended } = claim;
    // A claim not chosen at review ends with that decision: one entry, not two.
    const endedAtReview = !!review && !!ended && review.at === ended.at && review.reason === ended.reason;
    if (review && !endedAtReview)
      entries.push({ at: review.at, kind: 'claim', title: `${claim.teamName} 通过评榜，开始攻关`, note: review.reason, link });
    if (ended)
      entries.push({
        at: ended.at,
        kind: 'claim',
        title: `${claim.teamName}：${CLAIM_STATUS_LABELS[claim.status]}`,
        note: ended.reason,
        link,
      });
    return entries;
  });
}

/**
 * `reviews`: the challenge's reviewers (its bound reviewer, the organizers over it) read what a team
 * submitted at a gate and why it was passed or returned, as on the claim's page; others read when and
 * how each gate went.
 */
export function gateEntries(milestones: Milestone[], claims: Claim[], reviews: boolean): TraceEntry[] {
  const teamNames = new Map(claims.map((claim) => [claim._id, claim.teamName]));
  return milestones.flatMap((milestone) => {
    const link = { page: 'claim', id: milestone.challengeId, teamId: milestone.teamId } as const;
    const team = teamNames.get(milestone.claimId) ?? '';
    const entries: TraceEntry[] = [];
    if (milestone.evidence) {
      const note = reviews ? excerpt(milestone.evidence.summary, NOTE_LENGTH) : '';
      entries.push({ at: milestone.evidence.at, kind: 'gate', title: `${team} 提交节点「${milestone.title}」`, note, link });
    }
    if (milestone.review) {
      const title = `节点「${milestone.title}」${MILESTONE_STATUS_LABELS[milestone.status]}`;
      entries.push({ at: milestone.review.at, kind: 'gate', title, note: reviews ? milestone.review.reason : '', link });
    }
    return entries;
  });
}

/** Achievements once confirmed (confirmedAt keeps the last confirmation), with how they stand now. */
export function achievementEntries(achievements: Achievement[]): TraceEntry[] {
  return achievements
    .filter((achievement) => achievement.confirmedAt > 0 && !achievement.hidden)
    .map((achievement) => {
      const now = achievement.status === 'confirmed' ? '' : `；确认后又修改，当前：${ACHIEVEMENT_STATUS_LABELS[achievement.status]}`;
      return {
        at: achievement.confirmedAt,
        kind: 'achievement',
        title: `成果「${achievement.title}」经确认`,
        note: `${achievement.teamName}｜${ACHIEVEMENT_TYPE_LABELS[achievement.type]}${now}`,
        link: { page: 'achievement', id: achievement._id },
      };
    });
}

export function transferEntries(transfers: Transfer[]): TraceEntry[] {
  return transfers.flatMap((transfer) => {
    const link = { page: 'transfer', id: transfer._id } as const;
    const terms = `合同编号 ${transfer.contractNo}，${formatYuan(transfer.amount)}`;
    const entries: TraceEntry[] = [
      {
        at: transfer.createdAt,
        kind: 'transfer',
        title: `${transfer.teamName} 登记成果转化（${TRANSFER_KIND_LABELS[transfer.kind]}）`,
        note: `${terms}；${TRANSFER_STATUS_LABELS[transfer.status]}`,
        link,
      },
    ];
    const decision = transfer.decision;
    if (decision) {
      const title =
        transfer.status === 'confirmed' ? `企业确认成果转化（${transfer.transferee}）` : `企业对成果转化提出异议（${transfer.transferee}）`;
      entries.push({ at: decision.at, kind: 'transfer', title, note: transfer.status === 'confirmed' ? terms : decision.reason, link });
    }
    return entries;
  });
}

/** Only confirmed contracts count (§4). */
export const confirmedAmountOf = (transfers: Transfer[]) =>
  transfers.filter((transfer) => transfer.status === 'confirmed').reduce((sum, transfer) => sum + transfer.amount, 0);
