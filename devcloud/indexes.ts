/**
 * Indexes the queries need. The local store creates them on first use; on CloudBase create the
 * same ones in the console (see docs/deploy.md).
 */
export const INDEXES: Record<string, string[]> = {
  teams: ['status', 'leagueOrgId', 'leaderId', 'inviteCode', 'applicantId', 'crossUnit'],
  members: ['teamId', 'userId'],
  challenges: ['status', 'claimDeadline', 'leagueOrgId', 'reviewerCode'],
  claims: ['challengeId', 'teamId', 'status'],
  milestones: ['claimId', 'challengeId', 'status', 'dueAt'],
  progress: ['teamId', 'userId', 'dayKey'],
  events: ['leagueOrgId', 'teamIds', 'startAt'],
  eventCheckins: ['eventId', 'userId'],
  achievements: ['status', 'featured', 'teamId', 'leagueOrgId', 'challengeId', 'confirmedAt', 'authorId', 'contributorIds'],
  mediaChecks: ['docId'],
  notices: ['leagueOrgId', 'fanout', 'createdAt'],
  noticeReads: ['noticeId', 'userId'],
  letters: ['teamId', 'partyOrgId', 'leagueOrgId', 'refCode', 'status', 'issuedAt'],
  inbox: ['userId', 'createdAt'],
  outbox: ['status', 'nextAttemptAt'],
  consents: ['userId'],
  reports: ['leagueOrgId', 'status', 'createdAt', 'reporterId', 'targetId'],
  audit: ['target', 'at'],
};
