/** One valid input for every action in the contract, aimed at the demo world's team A. */
import type { FnName } from '../../core/api';
import { DEMO } from '../../server/local/seed';

export const VALID_INPUTS: { [F in FnName]: Record<string, Record<string, unknown>> } = {
  user: {
    me: {},
    updateProfile: { nickname: '小航', realName: '李航', unitName: '华芯微电子有限公司', phone: '13900000000' },
  },
  team: {
    orgOptions: {},
    apply: {
      name: '测试申请青年突击队',
      field: '基础软件',
      intro: '',
      unitName: '华芯微电子有限公司',
      leagueOrgId: 'org-league-hx',
      partyOrgId: 'org-party-hx',
      crossUnit: false,
      requestId: 'perm-test-0001',
    },
    mine: {},
    detail: { teamId: DEMO.teamA },
    preview: { inviteCode: DEMO.inviteA },
    join: { inviteCode: DEMO.inviteA },
    pending: {},
    orgTeams: { status: 'all' },
    review: { teamId: DEMO.teamPending, decision: 'approve', reason: '' },
    removeMember: { teamId: DEMO.teamA, userId: DEMO.memberA },
    transferLeader: { teamId: DEMO.teamA, userId: DEMO.memberA },
    dissolve: { teamId: DEMO.teamA, reason: '测试解散原因' },
    leave: { teamId: DEMO.teamA },
    refresh: {
      teamId: DEMO.teamA,
      name: '车规级芯片青年突击队',
      field: '集成电路',
      intro: '更新简介',
      unitName: '华芯微电子有限公司',
      partyOrgId: 'org-party-hx',
      crossUnit: false,
    },
  },
  message: {
    inbox: {},
    unreadCount: {},
    markRead: { all: true },
    recordConsent: { accepted: ['teamReviewed'] },
  },
  dispatch: { run: {} },
};
