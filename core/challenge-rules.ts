/**
 * 揭榜挂帅 rules: the three state machines (challenge, claim, milestone) as tables, the stage a
 * challenge is in, and the limits the forms and the server share.
 */
import type { Machine } from './machine';

export const CHALLENGE_MODES = ['single', 'race'] as const;
export type ChallengeMode = (typeof CHALLENGE_MODES)[number];
export const MODE_LABELS: Record<ChallengeMode, string> = { single: '单一擂主', race: '赛马' };

export const MAX_RACE_TEAMS = 10;
export const MAX_TARGETS = 8;
export const MAX_MILESTONES = 6;
export const MAX_ASSIGNED_MEMBERS = 30;
/** Days before a milestone's due date on which its team is reminded. */
export const REMINDER_DAYS = [3, 1] as const;

export type ChallengeStatus = 'draft' | 'open' | 'in_progress' | 'completed' | 'failed' | 'cancelled';
export type ClaimStatus =
  'applied' | 'accepted' | 'rejected' | 'withdrawn' | 'not_selected' | 'stopped' | 'won' | 'completed' | 'failed' | 'cancelled';
export type MilestoneStatus = 'pending' | 'submitted' | 'passed' | 'stopped' | 'closed';

export const CHALLENGE_STATUS_LABELS: Record<ChallengeStatus, string> = {
  draft: '草稿',
  open: '揭榜中',
  in_progress: '攻关中',
  completed: '已夺榜',
  failed: '未成功',
  cancelled: '已撤榜',
};

export const CLAIM_STATUS_LABELS: Record<ClaimStatus, string> = {
  applied: '待评榜',
  accepted: '攻关中',
  rejected: '未通过评榜',
  withdrawn: '已撤回',
  not_selected: '未入选',
  stopped: '已止步',
  won: '夺榜',
  completed: '已完成',
  failed: '未成功',
  cancelled: '榜单已撤销',
};

export const MILESTONE_STATUS_LABELS: Record<MilestoneStatus, string> = {
  pending: '待提交',
  submitted: '待评审',
  passed: '已通过',
  stopped: '已止步',
  closed: '榜单已结束',
};

export type ChallengeEvent = 'edit' | 'publish' | 'cancel' | 'start' | 'succeed' | 'fail';
export type ClaimEvent = 'accept' | 'reject' | 'withdraw' | 'deselect' | 'stop' | 'win' | 'complete' | 'fail' | 'cancel';
export type MilestoneEvent = 'submit' | 'pass' | 'stop' | 'close';

export const CHALLENGE_MACHINE: Machine<ChallengeStatus, ChallengeEvent> = {
  draft: { edit: 'draft', publish: 'open', cancel: 'cancelled' },
  open: { edit: 'open', start: 'in_progress', cancel: 'cancelled', fail: 'failed' },
  in_progress: { edit: 'in_progress', start: 'in_progress', succeed: 'completed', fail: 'failed' },
  completed: {},
  failed: {},
  cancelled: {},
};

export const CLAIM_MACHINE: Machine<ClaimStatus, ClaimEvent> = {
  applied: { accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn', deselect: 'not_selected', cancel: 'cancelled' },
  accepted: { stop: 'stopped', win: 'won', complete: 'completed', fail: 'failed' },
  rejected: {},
  withdrawn: {},
  not_selected: {},
  stopped: {},
  won: {},
  completed: {},
  failed: {},
  cancelled: {},
};

export const MILESTONE_MACHINE: Machine<MilestoneStatus, MilestoneEvent> = {
  pending: { submit: 'submitted', stop: 'stopped', close: 'closed' },
  submitted: { submit: 'submitted', pass: 'passed', stop: 'stopped', close: 'closed' },
  passed: {},
  stopped: {},
  closed: {},
};

export const ACTIVE_CLAIM_STATUSES: ClaimStatus[] = ['applied', 'accepted'];
export const BOARD_ACTIVE: ChallengeStatus[] = ['open', 'in_progress'];
export const BOARD_CLOSED: ChallengeStatus[] = ['completed', 'failed', 'cancelled'];

/** 征榜 → 发榜 → 揭榜 → 评榜 → 夺榜 */
export const STAGES = ['征榜', '发榜', '揭榜', '评榜', '夺榜'] as const;
/** Where a failed challenge ends instead of 夺榜: failure is a recorded outcome, not a win. */
export const FAILED_STAGE = '未成功';

/** The stage names as this challenge walks them: the last one is its outcome. */
export function stageTitlesOf(status: ChallengeStatus): string[] {
  return status === 'failed' ? [...STAGES.slice(0, -1), FAILED_STAGE] : [...STAGES];
}

/** Index into STAGES of the step a challenge has reached. */
export function stageOf(challenge: { status: ChallengeStatus; claimDeadline: number; claimCount: number }, now: number): number {
  switch (challenge.status) {
    case 'draft':
      return 0;
    case 'open':
      if (now > challenge.claimDeadline) return 3;
      return challenge.claimCount > 0 ? 2 : 1;
    case 'in_progress':
      return 3;
    case 'completed':
    case 'failed':
      return 4;
    case 'cancelled':
      return 1;
  }
}

/** Whether a team may claim now: published, before the deadline, and places left. */
export function claimClosedReason(
  challenge: { status: ChallengeStatus; claimDeadline: number; mode: ChallengeMode; maxTeams: number; acceptedCount: number },
  now: number,
): string | null {
  if (challenge.status !== 'open' && challenge.status !== 'in_progress') return '该榜单当前不接受揭榜';
  if (now > challenge.claimDeadline) return '揭榜已截止';
  if (challenge.acceptedCount >= placesOf(challenge)) return '该榜单的名额已满';
  return null;
}

export function placesOf(challenge: { mode: ChallengeMode; maxTeams: number }): number {
  return challenge.mode === 'single' ? 1 : challenge.maxTeams;
}

/** The outcome line of a claim still 待评榜 when the challenge closes. */
export const CLOSED_BEFORE_REVIEW = '评榜前已结榜';

export type ClosingEvent = Extract<ClaimEvent, 'deselect' | 'win' | 'complete' | 'fail'>;

export type Closing = { result: 'success' | 'failed'; summary: string; winners: { teamId: string; teamName: string }[] };

/**
 * What 结榜 does to a claim still in play, and the outcome line recorded for that team alone: only a
 * winner's line is the closing summary; the others say where they stand against it.
 */
export function closingOutcome(
  claim: { status: ClaimStatus; teamId: string; allPassed: boolean },
  closing: Closing,
): { event: ClosingEvent; note: string } {
  if (claim.status === 'applied') return { event: 'deselect', note: CLOSED_BEFORE_REVIEW };
  if (closing.winners.some((winner) => winner.teamId === claim.teamId)) return { event: 'win', note: closing.summary };
  const event = claim.allPassed ? 'complete' : 'fail';
  // The status already says 未成功 for a failed claim; its note says why (a completed one says both).
  if (closing.result === 'failed')
    return { event, note: claim.allPassed ? `节点全部通过，本榜未成功：${closing.summary}` : `原因：${closing.summary}` };
  const winnerNames = closing.winners.map((winner) => `「${winner.teamName}」`).join('、');
  return { event, note: `${claim.allPassed ? '节点全部通过，' : ''}未夺榜：本榜由${winnerNames}夺榜` };
}
