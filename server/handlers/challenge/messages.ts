import { CLAIM_STATUS_LABELS, type ClaimStatus, type ClosingEvent } from '../../../core/challenge-rules';
import { formatDateTime } from '../../../core/time';
import type { Challenge, Milestone } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';
import { asSentence } from '../../../core/text';

export const challengePage = (challengeId: string) => `packages/challenge/detail/index?id=${challengeId}`;
export const claimPage = (challengeId: string, teamId: string) =>
  `packages/challenge/claim/index?challengeId=${challengeId}&teamId=${teamId}`;

type ClaimRef = { teamId: string; teamName: string };

/** A decision on a claim (selected, not selected, the final outcome) for the team's leader. */
export function claimResultMessage(
  challenge: Pick<Challenge, '_id' | 'title'>,
  claim: ClaimRef,
  leaderId: string,
  result: { event: string; phrase: string; body: string; note: string },
  now: number,
): OutgoingMessage<'claimResult'> {
  return {
    userId: leaderId,
    templateKey: 'claimResult',
    dedupeKey: `claimResult_${challenge._id}_${claim.teamId}_${result.event}`,
    title: `「${challenge.title}」${result.phrase}`,
    body: result.body,
    page: claimPage(challenge._id, claim.teamId),
    data: {
      thing1: challenge.title,
      thing2: claim.teamName,
      phrase3: result.phrase,
      thing4: result.note || '详见揭榜详情',
      time5: formatDateTime(now),
    },
  };
}

/** 结榜 as one team's leader hears it: the team's own outcome line, never another team's closing note. */
export function claimClosedMessage(
  challenge: Pick<Challenge, '_id' | 'title'>,
  claim: ClaimRef,
  leaderId: string,
  outcome: { event: ClosingEvent; status: ClaimStatus; note: string },
  now: number,
): OutgoingMessage<'claimResult'> {
  const phrase = CLAIM_STATUS_LABELS[outcome.status];
  const body =
    outcome.event === 'win'
      ? `祝贺！本队夺得「${challenge.title}」。结榜说明：${asSentence(outcome.note)}`
      : `「${challenge.title}」已结榜，本队结果：${phrase}。${asSentence(outcome.note)}记录会保留在队伍页。`;
  return claimResultMessage(challenge, claim, leaderId, { event: `closed_${outcome.event}`, phrase, body, note: outcome.note }, now);
}

export function gateResultMessage(
  challenge: Pick<Challenge, '_id' | 'title'>,
  milestone: Milestone,
  leaderId: string,
  passed: boolean,
  note: string,
  now: number,
): OutgoingMessage<'gateResult'> {
  const phrase = passed ? '已通过' : '已止步';
  return {
    userId: leaderId,
    templateKey: 'gateResult',
    dedupeKey: `gateResult_${milestone._id}`,
    title: `节点「${milestone.title}」${phrase}`,
    body: passed
      ? `「${challenge.title}」的节点「${milestone.title}」评审通过。${note ? `评审意见：${note}` : ''}`
      : `「${challenge.title}」的节点「${milestone.title}」未通过，本队该榜单的攻关止步。原因：${asSentence(note)}止步记录会保留在榜单和队伍页。`,
    page: claimPage(challenge._id, milestone.teamId),
    data: { thing1: milestone.title, thing2: challenge.title, phrase3: phrase, thing4: note || '详见揭榜详情', time5: formatDateTime(now) },
  };
}

export function milestoneDueMessage(
  challengeTitle: string,
  milestone: Milestone,
  leaderId: string,
  daysBefore: number,
): OutgoingMessage<'milestoneDue'> {
  return {
    userId: leaderId,
    templateKey: 'milestoneDue',
    dedupeKey: `milestoneDue_${milestone._id}_${daysBefore}`,
    title: `节点「${milestone.title}」将于 ${daysBefore} 天后到期`,
    body: `「${challengeTitle}」的节点「${milestone.title}」应于 ${formatDateTime(milestone.dueAt)} 前提交进展和可核验的依据。验收标准：${milestone.criterion}`,
    page: claimPage(milestone.challengeId, milestone.teamId),
    data: { thing1: milestone.title, thing2: challengeTitle, time3: formatDateTime(milestone.dueAt) },
  };
}

export function challengeChangedMessage(
  challenge: Pick<Challenge, '_id' | 'title'>,
  leaderId: string,
  changeAt: number,
  what: string,
  body: string,
): OutgoingMessage<'challengeChanged'> {
  return {
    userId: leaderId,
    templateKey: 'challengeChanged',
    dedupeKey: `challengeChanged_${challenge._id}_${leaderId}_${changeAt}`,
    title: `「${challenge.title}」${what}`,
    body,
    page: challengePage(challenge._id),
    data: { thing1: challenge.title, thing2: what, time3: formatDateTime(changeAt) },
  };
}
