import { formatDateTime } from '../../../core/time';
import type { Team } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';
import { asSentence } from '../../../core/text';

export const teamPage = (teamId: string) => `packages/team/detail/index?id=${teamId}`;

export function reviewedMessage(team: Team, approved: boolean, reason: string, now: number): OutgoingMessage<'teamReviewed'> {
  const verdict = approved ? '已通过' : '未通过';
  const note = approved ? '已完成备案，可邀请成员加入' : reason;
  return {
    userId: team.applicantId,
    templateKey: 'teamReviewed',
    dedupeKey: `teamReviewed_${team._id}`,
    title: `「${team.name}」备案审核${verdict}`,
    body: approved
      ? `你申请组建的突击队已完成备案。${reason ? `审核意见：${reason}` : ''}`
      : `审核未通过，原因：${asSentence(reason)}可修改后重新申请。`,
    page: teamPage(team._id),
    data: { thing1: team.name, phrase2: verdict, thing3: note, time4: formatDateTime(now) },
  };
}

/** A change in a team that someone should hear about (joins, removals, hand-overs, dissolution, refresh). */
export function teamChangedMessage(
  team: Pick<Team, '_id' | 'name'>,
  userId: string,
  event: string,
  what: string,
  body: string,
  now: number,
): OutgoingMessage<'teamChanged'> {
  return {
    userId,
    templateKey: 'teamChanged',
    dedupeKey: `teamChanged_${team._id}_${userId}_${event}`,
    title: `「${team.name}」${what}`,
    body,
    page: teamPage(team._id),
    data: { thing1: team.name, thing2: what, time3: formatDateTime(now) },
  };
}
