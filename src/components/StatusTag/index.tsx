import { CHALLENGE_STATUS_LABELS, CLAIM_STATUS_LABELS, MILESTONE_STATUS_LABELS } from '@core/challenge-rules';
import type { ChallengeStatus, ClaimStatus, MilestoneStatus } from '@core/challenge-rules';
import { ACHIEVEMENT_STATUS_LABELS, type AchievementStatus } from '@core/achievement-rules';
import { LETTER_STATUS_LABELS, VERIFY_LABELS, type LetterStatus, type VerifyVerdict } from '@core/feedback-rules';
import { ATTENDANCE_LABELS, EVENT_PHASE_LABELS, type AttendanceStatus, type EventPhase } from '@core/progress-rules';
import { TEAM_STATUS_LABELS } from '@core/team-rules';
import type { TeamStatus } from '@core/types';
import { ToneTag, type Tone } from '../ToneTag';

export type StatusTagProps = { status: TeamStatus; refreshDue?: boolean };

const TEAM_TONES: Record<TeamStatus, Tone> = { registered: 'success', pending: 'warning', rejected: 'danger', dissolved: 'muted' };

export function StatusTag({ status, refreshDue }: StatusTagProps) {
  return (
    <>
      <ToneTag tone={TEAM_TONES[status]}>{TEAM_STATUS_LABELS[status]}</ToneTag>
      {refreshDue ? (
        <ToneTag tone='warning' style={{ marginLeft: '4px' }}>
          待更新备案
        </ToneTag>
      ) : null}
    </>
  );
}

const CHALLENGE_TONES: Record<ChallengeStatus, Tone> = {
  draft: 'muted',
  open: 'danger',
  in_progress: 'info',
  completed: 'success',
  failed: 'warning',
  cancelled: 'muted',
};

export function ChallengeStatusTag({ status }: { status: ChallengeStatus }) {
  return <ToneTag tone={CHALLENGE_TONES[status]}>{CHALLENGE_STATUS_LABELS[status]}</ToneTag>;
}

const CLAIM_TONES: Record<ClaimStatus, Tone> = {
  applied: 'warning',
  accepted: 'info',
  rejected: 'muted',
  withdrawn: 'muted',
  not_selected: 'muted',
  stopped: 'danger',
  won: 'success',
  completed: 'success',
  failed: 'warning',
  cancelled: 'muted',
};

export function ClaimStatusTag({ status }: { status: ClaimStatus }) {
  return <ToneTag tone={CLAIM_TONES[status]}>{CLAIM_STATUS_LABELS[status]}</ToneTag>;
}

const MILESTONE_TONES: Record<MilestoneStatus, Tone> = {
  pending: 'muted',
  submitted: 'warning',
  passed: 'success',
  stopped: 'danger',
  closed: 'muted',
};

export function MilestoneStatusTag({ status, overdue }: { status: MilestoneStatus; overdue: boolean }) {
  return overdue ? (
    <ToneTag tone='danger'>已逾期</ToneTag>
  ) : (
    <ToneTag tone={MILESTONE_TONES[status]}>{MILESTONE_STATUS_LABELS[status]}</ToneTag>
  );
}

const ATTENDANCE_TONES: Record<AttendanceStatus, Tone> = {
  signed: 'success',
  makeup: 'info',
  makeupRequested: 'warning',
  makeupRejected: 'danger',
  notSignedIn: 'muted',
  absent: 'muted',
};

/** 补签 always reads differently from 现场签到 (principle 1, docs/architecture.md: a make-up is never shown as on-site). */
export function AttendanceTag({ status }: { status: AttendanceStatus }) {
  return <ToneTag tone={ATTENDANCE_TONES[status]}>{ATTENDANCE_LABELS[status]}</ToneTag>;
}

const PHASE_TONES: Record<EventPhase, Tone> = { upcoming: 'info', open: 'danger', ended: 'muted' };

export function EventPhaseTag({ phase }: { phase: EventPhase }) {
  return <ToneTag tone={PHASE_TONES[phase]}>{EVENT_PHASE_LABELS[phase]}</ToneTag>;
}

const ACHIEVEMENT_TONES: Record<AchievementStatus, Tone> = {
  draft: 'muted',
  submitted: 'warning',
  confirmed: 'success',
  returned: 'danger',
};

export function AchievementStatusTag({ status }: { status: AchievementStatus }) {
  return <ToneTag tone={ACHIEVEMENT_TONES[status]}>{ACHIEVEMENT_STATUS_LABELS[status]}</ToneTag>;
}

const LETTER_TONES: Record<LetterStatus, Tone> = { draft: 'muted', issued: 'warning', opened: 'info', acknowledged: 'success' };

export function LetterStatusTag({ status, flagged }: { status: LetterStatus; flagged?: boolean }) {
  return (
    <>
      <ToneTag tone={LETTER_TONES[status]}>{LETTER_STATUS_LABELS[status]}</ToneTag>
      {flagged ? (
        <ToneTag tone='danger' style={{ marginLeft: '4px' }}>
          逾期未签收
        </ToneTag>
      ) : null}
    </>
  );
}

const VERDICT_TONES: Record<VerifyVerdict, Tone> = { same: 'success', changed: 'warning', revoked: 'danger' };

export function VerdictTag({ verdict }: { verdict: VerifyVerdict }) {
  return <ToneTag tone={VERDICT_TONES[verdict]}>{VERIFY_LABELS[verdict]}</ToneTag>;
}
