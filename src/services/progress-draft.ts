/** The 打卡 form's draft, saved on the phone as the user types so a closed app loses nothing. */
import type { EvidenceKind } from '@core/evidence';
import { clearStored, loadStored, saveStored } from './draft-storage';

export type LogDraft = {
  day: string;
  requestId: string;
  noProgress: boolean;
  content: string;
  evidenceKind: EvidenceKind;
  evidenceRef: string;
  photos: string[];
  claimId: string | null;
  milestoneId: string | null;
};

const nameOf = (teamId: string) => `progress.${teamId}`;

export const loadDraft = (teamId: string) => loadStored<LogDraft>(nameOf(teamId));
export const saveDraft = (teamId: string, draft: LogDraft) => saveStored(nameOf(teamId), draft);
export const clearDraft = (teamId: string) => clearStored(nameOf(teamId));
