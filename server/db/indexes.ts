/**
 * Every collection and the indexes its queries need: the one declaration both the local store
 * (devcloud) and `npm run deploy` (CloudBase) read. A field written `-name` sorts descending.
 * The index-coverage test runs every action and fails for any query no index here serves.
 */
import type { CollectionName } from './collections';

export type IndexField = string;
export type IndexDecl = { fields: IndexField[]; unique?: true };
export type CollectionDecl = {
  indexes: IndexDecl[];
  /** Why the collection is read without a filter (small, or read whole on purpose), if it is. */
  readWhole?: string;
};

const index = (...fields: IndexField[]): IndexDecl => ({ fields });
const unique = (...fields: IndexField[]): IndexDecl => ({ fields, unique: true });

export const COLLECTIONS: Record<CollectionName, CollectionDecl> = {
  users: { indexes: [index('roles.scopeId')] },
  orgs: { indexes: [], readWhole: '组织树整棵读入（每个环境几百个组织以内）' },
  orgCodes: { indexes: [index('orgId', 'expiresAt')] },
  organizers: { indexes: [index('orgId', 'revokedAt'), index('userId')] },
  teams: {
    indexes: [
      index('status', 'refreshedAt'),
      index('status', '_id'),
      index('leagueOrgId', '-appliedAt'),
      index('leagueOrgId', '_id'),
      index('partyOrgId'),
      index('applicantId', 'status'),
      index('inviteCode'),
    ],
  },
  members: { indexes: [index('teamId', 'joinedAt', '_id'), index('teamId', '_id'), index('userId')] },
  guesses: { indexes: [] },
  challenges: {
    indexes: [
      index('status', 'claimDeadline', '_id'),
      index('reviewerId', '-claimDeadline'),
      index('reviewerCode'),
      index('expertIds', '-claimDeadline'),
    ],
  },
  claims: { indexes: [index('challengeId', 'appliedAt', '_id'), index('teamId', '-appliedAt'), index('teamId', '_id')] },
  milestones: { indexes: [index('claimId', 'index'), index('challengeId', 'index'), index('status', 'dueAt'), index('teamId', '_id')] },
  progress: { indexes: [index('teamId', '-dayKey', '-_id'), index('userId', 'dayKey'), index('userId', '_id')] },
  events: { indexes: [index('teamIds', '-startAt', '-_id'), index('leagueOrgId', '-startAt', '-_id')] },
  eventCheckins: { indexes: [index('eventId', '_id'), index('userId', '_id'), index('teamId', '_id')] },
  achievements: {
    indexes: [
      index('status', 'featured', '-confirmedAt', '-_id'),
      index('status', '-confirmedAt', '-_id'),
      index('status', 'leagueOrgId', 'submittedAt', '_id'),
      index('status', 'challengeId', 'submittedAt', '_id'),
      index('teamId', '-updatedAt'),
      index('teamId', '_id'),
      index('authorId', '_id'),
      index('contributorIds', '_id'),
    ],
  },
  mediaChecks: { indexes: [] },
  notices: { indexes: [index('leagueOrgId', '-createdAt', '-_id'), index('fanout', 'createdAt')] },
  noticeReads: { indexes: [index('userId', '-createdAt', '-_id'), index('userId', '_id'), index('noticeId', '_id')] },
  contactCodes: { indexes: [] },
  letters: {
    indexes: [
      unique('refCode'),
      index('requestId'),
      index('partyOrgId', '-createdAt', '-_id'),
      index('leagueOrgId', '-createdAt', '-_id'),
      index('teamId', '_id'),
      index('status', 'remindedAt', 'issuedAt'),
    ],
  },
  jobs: { indexes: [] },
  inbox: { indexes: [index('userId', '-createdAt', '-_id'), index('userId', 'readAt', '-createdAt', '-_id')] },
  outbox: { indexes: [index('status', 'nextAttemptAt')] },
  consents: { indexes: [index('userId', '_id')] },
  reports: { indexes: [index('leagueOrgId', 'status', '-createdAt', '-_id'), index('reporterId', 'targetId', 'status')] },
  audit: { indexes: [index('orgId', '-at', '-_id'), index('teamId', '-at', '-_id')] },
  rollups: { indexes: [] },
  contactCycles: { indexes: [index('orgId')] },
  contactTeams: { indexes: [index('orgId', 'cycle', '_id'), index('teamId')] },
  contactRecords: { indexes: [index('teamId', '-day', '-_id'), index('orgId', 'cycle', '_id')] },
  enterprises: { indexes: [index('leagueOrgId', 'status', '-createdAt'), index('applicantId')] },
  roleCodes: { indexes: [] },
  needs: {
    indexes: [
      index('enterpriseId', '-updatedAt'),
      index('leagueOrgId', 'status', '-submittedAt', '-_id'),
      index('visibility', 'status', '-submittedAt', '-_id'),
    ],
  },
  needMessages: { indexes: [index('needId', 'at')] },
  transfers: {
    indexes: [
      index('teamId', '-createdAt'),
      index('leagueOrgId', '-createdAt', '-_id'),
      index('confirmerId', 'status'),
      index('enterpriseId', 'status'),
      index('challengeId'),
      index('achievementId'),
    ],
  },
  transferContracts: { indexes: [] },
  interests: { indexes: [index('leagueOrgId', '-createdAt')] },
  opinions: { indexes: [index('orgId', 'cycle', 'state', '_id'), index('orgId', 'cycle', '_id'), index('teamId', '_id')] },
};

export const COLLECTION_NAMES = Object.keys(COLLECTIONS) as CollectionName[];

/** A declared field without its direction mark. */
export const fieldName = (field: IndexField): string => field.replace(/^-/, '');

/** The single-field indexes the local store keeps: every field any declared index names. */
export function localIndexFields(name: string): string[] {
  const decl = (COLLECTIONS as Record<string, CollectionDecl | undefined>)[name];
  if (!decl) return [];
  const fields = decl.indexes.flatMap((decl) => decl.fields.map(fieldName)).filter((field) => field !== '_id');
  return [...new Set(fields)];
}
