import type { ActionInput, ActionName } from '@core/api';
import { callCloud } from './cloud';

type In<A extends ActionName<'challenge'>> = ActionInput<'challenge', A>;

export const challengeService = {
  board: (input: In<'board'>) => callCloud('challenge', 'board', input),
  detail: (challengeId: string) => callCloud('challenge', 'detail', { challengeId }),
  reviewing: () => callCloud('challenge', 'reviewing', {}),
  discard: (challengeId: string) => callCloud('challenge', 'discard', { challengeId }),
  create: (input: In<'create'>) => callCloud('challenge', 'create', input),
  update: (input: In<'update'>) => callCloud('challenge', 'update', input),
  publish: (challengeId: string) => callCloud('challenge', 'publish', { challengeId }),
  cancel: (challengeId: string, reason: string) => callCloud('challenge', 'cancel', { challengeId, reason }),
  close: (input: In<'close'>) => callCloud('challenge', 'close', input),
  bindReviewer: (code: string) => callCloud('challenge', 'bindReviewer', { code }),
  claim: (input: In<'claim'>) => callCloud('challenge', 'claim', input),
  withdraw: (teamId: string, challengeId: string) => callCloud('challenge', 'withdraw', { teamId, challengeId }),
  claimDetail: (teamId: string, challengeId: string) => callCloud('challenge', 'claimDetail', { teamId, challengeId }),
  reviewClaim: (input: In<'reviewClaim'>) => callCloud('challenge', 'reviewClaim', input),
  submitMilestone: (input: In<'submitMilestone'>) => callCloud('challenge', 'submitMilestone', input),
  reviewMilestone: (input: In<'reviewMilestone'>) => callCloud('challenge', 'reviewMilestone', input),
  teamClaims: (teamId: string) => callCloud('challenge', 'teamClaims', { teamId }),
  setCommitments: (input: In<'setCommitments'>) => callCloud('challenge', 'setCommitments', input),
  confirmCommitments: (challengeId: string) => callCloud('challenge', 'confirmCommitments', { challengeId }),
  inviteExpert: (input: In<'inviteExpert'>) => callCloud('challenge', 'inviteExpert', input),
  expertReview: (input: In<'expertReview'>) => callCloud('challenge', 'expertReview', input),
  removeExpert: (input: In<'removeExpert'>) => callCloud('challenge', 'removeExpert', input),
};
