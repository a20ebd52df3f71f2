import { formatDateTime } from '../../../core/time';
import type { TeamEvent } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';
import { asSentence } from '../../../core/text';

export const eventPage = (eventId: string) => `packages/progress/event/index?id=${eventId}`;

/** The organizer's decision on a member's 补签 request. */
export function makeupResultMessage(
  event: Pick<TeamEvent, '_id' | 'title'>,
  userId: string,
  approved: boolean,
  note: string,
  now: number,
): OutgoingMessage<'makeupResult'> {
  const phrase = approved ? '已通过' : '未通过';
  return {
    userId,
    templateKey: 'makeupResult',
    dedupeKey: `makeupResult_${event._id}_${userId}`,
    title: `「${event.title}」补签${phrase}`,
    body: approved ? '你的补签申请已通过，记为补签（非现场签到）。' : `你的补签申请未通过：${asSentence(note)}`,
    page: eventPage(event._id),
    data: { thing1: event.title, phrase2: phrase, thing3: note || (approved ? '记为补签' : '详见活动页'), time4: formatDateTime(now) },
  };
}
