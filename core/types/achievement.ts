import type { Field } from '../fields';
import type { AchievementStatus, AchievementType, ImageStatus } from '../achievement-rules';
import type { Decision } from './challenge';
import type { Evidence } from './progress';
import type { HiddenMark } from './report';

export type StoredImage = { fileId: string; status: ImageStatus };

/**
 * Who confirmed, and when. The confirmer is outside the team when confirming (principle 2) and may
 * join it later; `outsideTeam` keeps how it stood then. Missing on records from before it was kept
 * (those were outside too: the rule has always been enforced).
 */
export type Confirmation = { by: string; at: number; outsideTeam?: boolean };
export type Attachment = { name: string; fileId: string };

/** What a confirmation covered: kept when a confirmed achievement is edited. */
export type AchievementVersion = {
  type: AchievementType;
  title: string;
  summary: string;
  evidence: Evidence;
  images: StoredImage[];
  attachments: Attachment[];
  contributorIds: string[];
  confirmation: Confirmation;
};

export type Achievement = {
  _id: string;
  teamId: string;
  teamName: string;
  leagueOrgId: string;
  field: Field;
  authorId: string;
  type: AchievementType;
  title: string;
  summary: string;
  evidence: Evidence;
  images: StoredImage[];
  attachments: Attachment[];
  contributorIds: string[];
  claimId: string | null;
  challengeId: string | null;
  /** From the cited claim: the need and enterprise of a need-born challenge, so a transfer finds them in one read. */
  needId?: string | null;
  enterpriseId?: string | null;
  status: AchievementStatus;
  /** Set when msgSecCheck asked for a person to look at the text. */
  contentFlag: 'review' | null;
  requestId: string;
  createdAt: number;
  updatedAt: number;
  submittedAt: number | null;
  confirmation: Confirmation | null;
  /** The feed's sort key: when it was (last) confirmed; 0 until then. */
  confirmedAt: number;
  returned: Decision | null;
  /** Edited after a confirmation (已修改); the confirmed versions are in `versions`. */
  revised: boolean;
  versions: AchievementVersion[];
  featured: boolean;
  feature: { by: string; at: number; note: string } | null;
  /** Hidden by an organizer after a report: kept on record, shown only to its author and organizers. */
  hidden?: HiddenMark | null;
};

/** An asynchronous media check in flight: WeChat answers by trace id. */
export type MediaCheck = {
  _id: string;
  target: 'achievements';
  docId: string;
  fileId: string;
  status: ImageStatus;
  createdAt: number;
  checkedAt: number | null;
};
