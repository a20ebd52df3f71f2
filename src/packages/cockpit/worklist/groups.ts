import type { WorkKind } from '@core/cockpit-rules';

/** The worklist's queues in the order the page groups them: what they are about, then what waits. */
export const WORK_GROUPS: { title: string; kinds: WorkKind[] }[] = [
  { title: '队伍', kinds: ['teamApplications', 'refreshOverdue'] },
  { title: '企业点单', kinds: ['needsToTake', 'needResponsesOverdue', 'enterpriseApplications', 'interestsToForward'] },
  { title: '揭榜挂帅', kinds: ['claimsToReview', 'gatesToReview'] },
  { title: '成果与活动', kinds: ['achievementsToConfirm', 'makeupRequests'] },
  { title: '反馈函与通知', kinds: ['lettersOverdue', 'pushProblems'] },
  { title: '举报', kinds: ['reports'] },
];
