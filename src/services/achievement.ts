import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'achievement'>> = ActionInput<'achievement', A>;

export const achievementService = {
  save: (input: In<'save'>) => callCloud('achievement', 'save', input),
  submit: (teamId: string, achievementId: string) => callCloud('achievement', 'submit', { teamId, achievementId }),
  discard: (teamId: string, achievementId: string) => callCloud('achievement', 'discard', { teamId, achievementId }),
  detail: (achievementId: string) => callCloud('achievement', 'detail', { achievementId }),
  feed: (input: In<'feed'>) => callCloud('achievement', 'feed', input),
  teamAchievements: (teamId: string) => callCloud('achievement', 'teamAchievements', { teamId }),
  pending: (cursor: string | null) => callCloud('achievement', 'pending', { cursor }),
  confirm: (achievementId: string) => callCloud('achievement', 'confirm', { achievementId }),
  returnIt: (achievementId: string, reason: string) => callCloud('achievement', 'return', { achievementId, reason }),
  feature: (input: In<'feature'>) => callCloud('achievement', 'feature', input),
};
