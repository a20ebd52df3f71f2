/** The demo world's 通知: one from the provincial league org to every team member, asking for 已知悉. */
import { DAY_MS } from '../core/time';
import type { Member, Notice, NoticeRead } from '../core/types';
import { DEMO } from './demo-ids';

export const DEMO_NOTICE = DEMO.notice;

export function demoNotices(now: number, organizer: string, members: Member[]): { notices: Notice[]; reads: NoticeRead[] } {
  const createdAt = now - DAY_MS;
  const notice: Notice = {
    _id: DEMO_NOTICE,
    leagueOrgId: 'org-league-prov',
    authorId: organizer,
    title: '关于开展攻关方法培训的通知',
    body: '请各突击队成员于本周五下午参加攻关方法培训，现场扫码签到。无法到场的请在活动页申请补签并写明原因。',
    audience: 'allTeams',
    teamIds: [],
    requireAck: true,
    fanout: 'done',
    recipientCount: members.length,
    remindedAt: null,
    remindRounds: 0,
    requestId: `seed-${DEMO_NOTICE}`,
    createdAt,
  };
  const reads: NoticeRead[] = members.map((member) => ({
    _id: `${DEMO_NOTICE}_${member.userId}`,
    noticeId: DEMO_NOTICE,
    userId: member.userId,
    teamId: member.teamId,
    readAt: null,
    ackAt: null,
    createdAt,
  }));
  return { notices: [notice], reads };
}
