/** The 打卡 form's draft, saved on the phone as the user types so a closed app loses nothing. */
import Taro from '@tarojs/taro';
import type { EvidenceKind } from '@core/evidence';

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

const keyOf = (teamId: string) => `kc.progress.draft.${teamId}`;

export function loadDraft(teamId: string): LogDraft | null {
  try {
    const stored: unknown = Taro.getStorageSync(keyOf(teamId));
    return stored && typeof stored === 'object' ? (stored as LogDraft) : null;
  } catch {
    return null;
  }
}

export function saveDraft(teamId: string, draft: LogDraft): void {
  Taro.setStorageSync(keyOf(teamId), draft);
}

export function clearDraft(teamId: string): void {
  Taro.removeStorageSync(keyOf(teamId));
}
