/**
 * The mini program pages the 驾驶舱 links to, as navigateTo takes them (leading slash). Pages that
 * messages already open come from the same helpers the messages use.
 */
import { achievementPage } from '../achievement/messages';
import { challengePage, claimPage } from '../challenge/messages';
import { eventPage } from '../event/messages';
import { letterPage } from '../feedback/messages';
import { noticePage } from '../notice/delivery';
import { teamPage } from '../team/messages';
import { needPage } from '../../runtime/need-steps';

const at = (page: string) => `/${page}`;

export const PAGES = {
  team: (teamId: string) => at(teamPage(teamId)),
  challenge: (challengeId: string) => at(challengePage(challengeId)),
  claim: (challengeId: string, teamId: string) => at(claimPage(challengeId, teamId)),
  achievement: (achievementId: string) => at(achievementPage(achievementId)),
  event: (eventId: string) => at(eventPage(eventId)),
  attendance: (eventId: string) => `/packages/progress/attendance/index?id=${eventId}`,
  timeline: (teamId: string) => `/packages/progress/timeline/index?teamId=${teamId}`,
  notice: (noticeId: string) => at(noticePage(noticeId)),
  noticeStats: (noticeId: string) => `/packages/notice/stats/index?id=${noticeId}`,
  letter: (letterId: string) => at(letterPage(letterId)),
  letterDraft: (teamId: string, draftId: string) => `/packages/feedback/compose/index?teamId=${teamId}&draftId=${draftId}`,
  org: (orgId: string) => `/packages/admin/org/index?id=${orgId}`,
  teamApplications: '/packages/admin/review/index',
  achievementReview: '/packages/achievement/review/index',
  orgTeams: '/packages/admin/teams/index',
  managedLetters: '/packages/feedback/letters/index?scope=manage',
  reports: '/packages/admin/reports/index',
  managedEvents: '/packages/progress/events/index',
  managedNotices: '/packages/notice/list/index',
  need: (needId: string) => at(needPage(needId)),
  needQueue: '/packages/need/queue/index',
  enterprises: '/packages/need/enterprises/index',
  interests: '/packages/transfer/interests/index',
} as const;
