import type { PageCursor } from '../cursor';
import type { Field } from '../fields';
import type { AchievementStatus, AchievementType, ImageStatus } from '../achievement-rules';
import type { Evidence } from '../types';

export type AchievementCard = {
  id: string;
  teamId: string;
  teamName: string;
  field: Field;
  type: AchievementType;
  title: string;
  summary: string;
  coverUrl: string;
  status: AchievementStatus;
  confirmedAt: number;
  featured: boolean;
  featureNote: string;
  revised: boolean;
  contentFlag: boolean;
  /** Hidden after a report; only set for the team and organizers over it (nobody else is shown it). */
  hidden?: { reason: string; at: number } | null;
};

export type FeedPage = { featured: AchievementCard[]; items: AchievementCard[]; nextCursor: PageCursor | null };

export type AchievementViewer = {
  isTeam: boolean;
  canEdit: boolean;
  canSubmit: boolean;
  canDiscard: boolean;
  canConfirm: boolean;
  canFeature: boolean;
};

export type AchievementDetail = AchievementCard & {
  evidence: Evidence;
  images: { fileId: string; url: string; status: ImageStatus }[];
  attachments: { name: string; fileId: string; url: string }[];
  contributors: { userId: string; name: string }[];
  claim: { claimId: string; challengeId: string; challengeTitle: string } | null;
  authorName: string;
  /** `outsideTeam`: the confirmer was not in the team then; `joinedSince`: they are a member now (joined after confirming). */
  confirmation: { byName: string; at: number; outsideTeam: boolean; joinedSince: boolean } | null;
  returned: { byName: string; at: number; reason: string } | null;
  feature: { byName: string; at: number; note: string } | null;
  versions: { title: string; summary: string; evidence: Evidence; confirmedByName: string; confirmedAt: number }[];
  updatedAt: number;
  viewer: AchievementViewer;
  /** Hidden after a report: the page says so (only the team and organizers over it get the detail then). */
  hidden: { reason: string; at: number } | null;
  /** The need its challenge came from, when it did: the line back. */
  needId?: string | null;
};

export type TeamAchievements = {
  teamId: string;
  /** Totals count confirmed achievements only; the others are shown beside, never added in. */
  confirmed: number;
  confirmedByType: Partial<Record<AchievementType, number>>;
  unconfirmed: { submitted: number; returned: number; draft: number };
  items: AchievementCard[];
};

export type PendingPage = { items: AchievementCard[]; nextCursor: PageCursor | null };
