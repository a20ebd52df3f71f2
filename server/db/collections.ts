import type {
  Achievement,
  AuditEntry,
  Enterprise,
  Interest,
  Need,
  NeedMessage,
  RoleCode,
  Transfer,
  TransferContract,
  Challenge,
  Checkin,
  Claim,
  Consent,
  ContactCode,
  InboxItem,
  InviteGuesses,
  Job,
  Letter,
  MediaCheck,
  Member,
  OrgCode,
  Rollup,
  ContactCycle,
  ContactTeam,
  ContactRecord,
  Opinion,
  OrganizerGrant,
  Notice,
  NoticeRead,
  Milestone,
  Org,
  OutboxItem,
  ProgressLog,
  Report,
  Team,
  TeamEvent,
  User,
} from '../../core/types';
import { isNotFoundError, type Database, type DocData, type Transaction } from './types';

/** The document type each collection holds. */
export type Collections = {
  users: User;
  orgs: Org;
  orgCodes: OrgCode;
  organizers: OrganizerGrant;
  teams: Team;
  members: Member;
  guesses: InviteGuesses;
  challenges: Challenge;
  claims: Claim;
  milestones: Milestone;
  progress: ProgressLog;
  events: TeamEvent;
  eventCheckins: Checkin;
  achievements: Achievement;
  mediaChecks: MediaCheck;
  notices: Notice;
  noticeReads: NoticeRead;
  contactCodes: ContactCode;
  letters: Letter;
  jobs: Job;
  inbox: InboxItem;
  outbox: OutboxItem;
  consents: Consent;
  audit: AuditEntry;
  reports: Report;
  rollups: Rollup;
  contactCycles: ContactCycle;
  contactTeams: ContactTeam;
  contactRecords: ContactRecord;
  opinions: Opinion;
  enterprises: Enterprise;
  roleCodes: RoleCode;
  needs: Need;
  needMessages: NeedMessage;
  transfers: Transfer;
  transferContracts: TransferContract;
  interests: Interest;
};
export type CollectionName = keyof Collections;

export async function findById<K extends CollectionName>(db: Database, name: K, id: string): Promise<Collections[K] | null> {
  const { data } = await db.collection(name).where({ _id: id }).limit(1).get();
  return (data[0] as unknown as Collections[K]) ?? null;
}

/** Read inside a transaction; a missing document is null rather than an error. */
export async function txFind<K extends CollectionName>(tx: Transaction, name: K, id: string): Promise<Collections[K] | null> {
  try {
    const { data } = await tx.collection(name).doc(id).get();
    return data as unknown as Collections[K];
  } catch (error) {
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

export function txSet<K extends CollectionName>(tx: Transaction, name: K, doc: Collections[K] & { _id: string }) {
  const { _id, ...data } = doc;
  return tx
    .collection(name)
    .doc(_id)
    .set({ data: data as DocData });
}

export function txUpdate<K extends CollectionName>(tx: Transaction, name: K, id: string, data: DocData) {
  return tx.collection(name).doc(id).update({ data });
}
