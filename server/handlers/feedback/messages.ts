import { formatDateTime } from '../../../core/time';
import type { Letter } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';

export const letterPage = (letterId: string) => `packages/feedback/letter/index?id=${letterId}`;

/** A letter reaching a party organization's contact, or the reminder when it is still unacknowledged. */
export function letterIssuedMessage(
  letter: Pick<Letter, '_id' | 'teamName' | 'refCode'>,
  orgName: string,
  contactId: string,
  occasion: 'issued' | 'reminder',
  now: number,
): OutgoingMessage<'letterIssued'> {
  const reminder = occasion === 'reminder';
  return {
    userId: contactId,
    templateKey: 'letterIssued',
    dedupeKey: `letter_${occasion}_${letter._id}_${contactId}`,
    title: `${reminder ? '提醒签收：' : ''}${orgName}关于「${letter.teamName}」的反馈函`,
    body: reminder ? '反馈函送达已超过 7 天，请查看并签收。' : `查验码 ${letter.refCode}，请查看并签收。`,
    page: letterPage(letter._id),
    data: { thing1: letter.teamName, thing2: orgName, character_string3: letter.refCode ?? '', time4: formatDateTime(now) },
  };
}
