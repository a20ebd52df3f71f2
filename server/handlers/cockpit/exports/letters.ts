/** 反馈函: every letter issued by the org's subtree, its party org, dates, and whether it waits too long for 签收. */
import { ACK_REMIND_DAYS, LETTER_STATUS_LABELS } from '../../../../core/feedback-rules';
import { DAY_MS } from '../../../../core/time';
import type { Letter, User } from '../../../../core/types';
import { usersById } from '../../../runtime/lookups';
import { orgName } from '../../../runtime/orgs';
import { displayName } from '../../../runtime/users';
import { readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { calendarDay, moment, yesNo, type SheetSpec } from './sheet';

/** 逾期未签收: not acknowledged, and reminded already or issued more than ACK_REMIND_DAYS ago. */
export function isOverdue(letter: Letter, now: number): boolean {
  if (letter.status === 'acknowledged' || letter.issuedAt === null) return false;
  return letter.flagged || now - letter.issuedAt > ACK_REMIND_DAYS * DAY_MS;
}

function sheetOf(scope: ExportScope, letters: Letter[], people: Map<string, User>): SheetSpec {
  return {
    name: '反馈函',
    empty: '该组织及下级组织还没有发出反馈函',
    columns: [
      { header: '队伍', width: 30 },
      { header: '所属团组织', width: 22 },
      { header: '收函党组织', width: 22 },
      { header: '署名组织', width: 22 },
      { header: '期间起', width: 12, kind: 'day' },
      { header: '期间止', width: 12, kind: 'day' },
      { header: '条目数', width: 8, kind: 'number' },
      { header: '发出时间', width: 17, kind: 'moment' },
      { header: '发函人', width: 10 },
      { header: '状态', width: 10 },
      { header: '查看时间', width: 17, kind: 'moment' },
      { header: '签收时间', width: 17, kind: 'moment' },
      { header: '签收人', width: 10 },
      { header: '签收回复', width: 30 },
      { header: '逾期未签收', width: 12 },
      { header: '查验码', width: 14 },
    ],
    rows: letters.map((letter) => [
      letter.teamName,
      orgName(scope.orgs, letter.leagueOrgId),
      orgName(scope.orgs, letter.partyOrgId),
      orgName(scope.orgs, letter.issuerOrgId ?? letter.leagueOrgId),
      calendarDay(letter.period.from),
      calendarDay(letter.period.to),
      letter.items.length,
      moment(letter.issuedAt),
      letter.issuedBy ? displayName(people.get(letter.issuedBy)) : '',
      LETTER_STATUS_LABELS[letter.status],
      moment(letter.openedAt),
      moment(letter.ack?.at),
      letter.ack ? displayName(people.get(letter.ack.by)) : '',
      letter.ack?.reply ?? '',
      yesNo(isOverdue(letter, scope.now)),
      letter.refCode ?? '',
    ]),
  };
}

export const lettersExport: ExportBuilder = async (ctx, scope) => {
  const _ = ctx.db.command;
  // Quarterly drafts are not letters yet: only issued ones, newest first (the letters list's index).
  const letters = await readSorted(ctx.db, 'letters', { leagueOrgId: _.in(scope.leagueIds), status: _.neq('draft') }, 'createdAt', 'desc');
  requireWithinCap(letters.length, '反馈函', '请选择下级组织分别导出');
  return {
    rows: letters.length,
    finish: async () => {
      const people = await usersById(ctx, [
        ...letters.flatMap((letter) => (letter.issuedBy ? [letter.issuedBy] : [])),
        ...letters.flatMap((letter) => (letter.ack ? [letter.ack.by] : [])),
      ]);
      return [sheetOf(scope, letters, people)];
    },
  };
};
