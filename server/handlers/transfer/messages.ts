/** What the parties of a transfer and of an interest are told, as outbox messages. */
import { formatYuan } from '../../../core/money';
import { TRANSFER_KIND_LABELS } from '../../../core/need-rules';
import { asSentence } from '../../../core/text';
import { formatDateTime, formatDay } from '../../../core/time';
import type { Interest, Transfer } from '../../../core/types';
import type { OutgoingMessage } from '../../runtime/outbox';
import { achievementPage } from '../achievement/messages';

export const transferPage = (transferId: string) => `packages/transfer/detail/index?id=${transferId}`;
export const interestsPage = (orgId: string) => `packages/transfer/interests/index?orgId=${orgId}`;
const LIBRARY_PAGE = 'packages/transfer/library/index';

const terms = (transfer: Transfer) =>
  `${TRANSFER_KIND_LABELS[transfer.kind]}，合同编号 ${transfer.contractNo}，${formatYuan(transfer.amount)}，${formatDay(transfer.signedOn)}签订`;

/** To the enterprise's contacts: a team recorded a transfer they are the other party of. */
export function transferRecordedMessages(transfer: Transfer, contacts: string[], now: number): OutgoingMessage<'transferResult'>[] {
  return contacts.map((userId) => ({
    userId,
    templateKey: 'transferResult',
    dedupeKey: `transferRecorded_${transfer._id}_${userId}`,
    title: `${transfer.teamName}登记了成果转化，请确认`,
    body: `${terms(transfer)}。请核对合同后在「待我确认的成果转化」中确认或提出异议；只有企业确认后才计入成果转化合计。`,
    page: transferPage(transfer._id),
    data: { thing1: transfer.contractNo, phrase2: '待确认', thing3: `${transfer.teamName}登记了成果转化`, time4: formatDateTime(now) },
  }));
}

/** To the team's leader: the other party confirmed the transfer or disputed it. */
export function transferResultMessage(
  transfer: Transfer,
  leaderId: string,
  confirmed: boolean,
  reason: string,
  now: number,
): OutgoingMessage<'transferResult'> {
  const phrase = confirmed ? '已确认' : '有异议';
  return {
    userId: leaderId,
    templateKey: 'transferResult',
    dedupeKey: `transferResult_${transfer._id}_${leaderId}`,
    title: `成果转化「${transfer.contractNo}」${phrase}`,
    body: confirmed
      ? `受让方已确认：${terms(transfer)}。计入成果转化合计。${reason ? `说明：${asSentence(reason)}` : ''}`
      : `受让方提出异议：${asSentence(reason)}记录保留，请与企业核对；如需更正，可按正确内容重新登记。`,
    page: transferPage(transfer._id),
    data: { thing1: transfer.contractNo, phrase2: phrase, thing3: reason || '计入成果转化合计', time4: formatDateTime(now) },
  };
}

/** To the organizers of the achievement's org: an enterprise wants to work with the team. */
export function interestArrivedMessages(interest: Interest, organizers: string[]): OutgoingMessage<'needUpdated'>[] {
  return organizers.map((userId) => ({
    userId,
    templateKey: 'needUpdated',
    dedupeKey: `interestArrived_${interest._id}_${userId}`,
    title: `${interest.enterpriseName}对成果「${interest.achievementTitle}」有合作意向`,
    body: `${asSentence(interest.message)}请联系企业后转达给团队。`,
    page: interestsPage(interest.leagueOrgId),
    data: {
      thing1: interest.achievementTitle,
      thing2: `${interest.enterpriseName}有合作意向，待转达`,
      time3: formatDateTime(interest.createdAt),
    },
  }));
}

/** To the team's leader, through the organizer: who the enterprise is, how to reach them, what they asked. */
export function interestForwardedToTeam(
  interest: Interest,
  leaderId: string,
  contact: { name: string; phone: string },
  note: string,
  now: number,
): OutgoingMessage<'needUpdated'> {
  const reach = contact.phone ? `${contact.name}，电话 ${contact.phone}` : contact.name;
  return {
    userId: leaderId,
    templateKey: 'needUpdated',
    dedupeKey: `interestForwarded_${interest._id}_${leaderId}`,
    title: `${interest.enterpriseName}希望就成果「${interest.achievementTitle}」合作`,
    body: `联系人：${reach}。合作意向：${asSentence(interest.message)}${note ? `团组织说明：${asSentence(note)}` : ''}`,
    page: achievementPage(interest.achievementId),
    data: { thing1: interest.achievementTitle, thing2: `${interest.enterpriseName}希望合作`, time3: formatDateTime(now) },
  };
}

/** To the enterprise contact who expressed the interest. */
export function interestForwardedToAuthor(interest: Interest, teamName: string, note: string, now: number): OutgoingMessage<'needUpdated'> {
  return {
    userId: interest.authorId,
    templateKey: 'needUpdated',
    dedupeKey: `interestForwarded_${interest._id}_${interest.authorId}`,
    title: '合作意向已转达团队',
    body: `你对成果「${interest.achievementTitle}」的合作意向已由团组织转达给${teamName}。${note ? `团组织说明：${asSentence(note)}` : ''}`,
    page: LIBRARY_PAGE,
    data: { thing1: interest.achievementTitle, thing2: '已转达团队', time3: formatDateTime(now) },
  };
}
