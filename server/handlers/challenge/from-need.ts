/**
 * A 征榜 draft prefilled from an enterprise need (§2: a cadre turns a need into a challenge). The
 * organizer completes it and sends it to review before 发榜; the need stays linked through `solicit`.
 */
import { excerpt } from '../../../core/text';
import { DAY_MS, shanghaiDay, shanghaiDayEnd } from '../../../core/time';
import type { Challenge, Need } from '../../../core/types';
import { keyedId } from '../../runtime/keyed-id';

/** Days the draft leaves for claiming, and then for delivery; the organizer adjusts them before 发榜. */
const CLAIM_DAYS = 30;
const DELIVERY_DAYS = 180;

/** The limits of the challenge form (core/schemas/challenge.ts), so the draft can be saved as it is. */
const LIMITS = { title: 40, unitName: 40, contactName: 20, background: 1000, targetValue: 20, deliverables: 500 };

/** `text` within `max` characters, marked with an ellipsis when cut; unlike `excerpt`, line breaks stay. */
function cut(text: string, max: number): string {
  const chars = [...text.trim()];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** One challenge per need: a retried decision names the same draft. */
export const challengeIdOfNeed = (needId: string) => keyedId('c', 'need', needId);

export function challengeFromNeed(need: Need, enterpriseName: string, by: string, now: number, reviewerCode: string): Challenge {
  const claimDeadline = shanghaiDayEnd(shanghaiDay(now + CLAIM_DAYS * DAY_MS));
  return {
    _id: challengeIdOfNeed(need._id),
    title: excerpt(need.title, LIMITS.title),
    field: need.field,
    leagueOrgId: need.leagueOrgId,
    issuer: {
      unitName: excerpt(enterpriseName, LIMITS.unitName),
      contactName: excerpt(need.contactName, LIMITS.contactName),
      contactPhone: need.contactPhone,
    },
    reviewerId: null,
    reviewerCode,
    background: cut(need.problem, LIMITS.background),
    targets: [{ indicator: '目标指标', value: excerpt(need.targets, LIMITS.targetValue), unit: '' }],
    // The target's value holds 20 characters; the whole of what the enterprise asked for stays here.
    deliverables: cut(`达到企业需求的目标指标：${need.targets}`, LIMITS.deliverables),
    claimDeadline,
    deliveryDeadline: claimDeadline + DELIVERY_DAYS * DAY_MS,
    mode: 'single',
    maxTeams: 1,
    reward: '',
    status: 'draft',
    claimCount: 0,
    acceptedCount: 0,
    createdBy: by,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    changes: [],
    cancelled: null,
    outcome: null,
    ...(need.contentFlag === 'review' ? { contentFlag: 'review' as const } : {}),
    solicit: { needId: need._id, enterpriseId: need.enterpriseId, commitments: null, commitmentsConfirmed: null, experts: [] },
    expertIds: [],
  };
}
