import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEMO } from '../../devcloud/seed';
import AuditPage from '../../src/packages/cockpit/audit';
import { useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';

/** The page's query, as Taro's router would give it. */
function routeWith(params: Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro');
  taro.useRouter = () => ({ params });
}

let backend: Backend;
let navigate: jest.SpyInstance;
beforeEach(async () => {
  backend = await startBackend();
  useUserStore.setState({ me: null });
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
  // Two changes in 华芯: the province approves the pending team, then team A's leader refreshes its record.
  await backend.cloud.call('team', { action: 'review', teamId: DEMO.teamPending, decision: 'approve', reason: '' }, DEMO.organizer);
  await backend.cloud.call(
    'team',
    {
      action: 'refresh',
      teamId: DEMO.teamA,
      name: '车规级芯片青年突击队',
      field: '集成电路',
      intro: '面向车规级 MCU 的设计验证与可靠性测试攻关。',
      unitName: '华芯微电子有限公司',
      partyOrgId: 'org-party-hx',
      crossUnit: false,
    },
    DEMO.leaderA,
  );
});
afterEach(() => navigate.mockRestore());

describe('操作记录', () => {
  it('opens on the organizer’s own org, names who did what, and a tap opens what it changed', async () => {
    routeWith({});
    backend.signInAs(DEMO.organizer);
    render(<AuditPage />);
    await waitFor(() => expect(screen.getByText('备案通过「高纯靶材国产化青年突击队」')).toBeTruthy());
    // Each row says the action in words (the action picker lists the same words).
    expect(screen.getAllByText('审核组建申请').some((node) => node.closest('.kc-audit-row'))).toBe(true);
    // Who did it, on the row; and everyone seen so far is offered in the person picker.
    await waitFor(() => {
      for (const name of ['王敏', '李航']) {
        const shown = screen.getAllByText(name);
        expect(shown.some((node) => node.closest('.kc-audit-row'))).toBe(true);
        expect(shown.some((node) => node.closest('.weui-picker__item'))).toBe(true);
      }
    });
    expect(screen.getByText('确认备案信息无变化')).toBeTruthy();
    expect(backend.calls).toContain('cockpit.orgAudit');
    fireEvent.click(screen.getByText('备案通过「高纯靶材国产化青年突击队」'));
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/team/detail/index?id=${DEMO.teamPending}` });
    expect(screen.getByText('没有更多了')).toBeTruthy();
  });

  it('opened from an object shows only its entries until the filter is cleared', async () => {
    routeWith({ orgId: 'org-league-hx', target: encodeURIComponent(`teams/${DEMO.teamA}`) });
    backend.signInAs(DEMO.organizer);
    render(<AuditPage />);
    await waitFor(() => expect(screen.getByText('确认备案信息无变化')).toBeTruthy());
    expect(screen.queryByText('备案通过「高纯靶材国产化青年突击队」')).toBeNull();
    await act(async () => fireEvent.click(screen.getByText('仅此对象 ✕')));
    await waitFor(() => expect(screen.getByText('备案通过「高纯靶材国产化青年突击队」')).toBeTruthy());
  });

  it('shows a leader their team’s trail', async () => {
    routeWith({ teamId: DEMO.teamA });
    backend.signInAs(DEMO.leaderA);
    render(<AuditPage />);
    await waitFor(() => expect(screen.getByText('确认备案信息无变化')).toBeTruthy());
    expect(screen.getByText(/本队的每次变更/)).toBeTruthy();
    expect(screen.queryByText('备案通过「高纯靶材国产化青年突击队」')).toBeNull();
  });

  it('tells someone with no org or team to look at what there is to see', async () => {
    routeWith({});
    backend.signInAs(DEMO.memberA);
    render(<AuditPage />);
    await waitFor(() => expect(screen.getByText('没有可查看的操作记录')).toBeTruthy());
    expect(backend.calls).not.toContain('cockpit.orgAudit');
  });

  it('says so when a trail has nothing yet', async () => {
    routeWith({ teamId: DEMO.teamB });
    backend.signInAs(DEMO.leaderB);
    render(<AuditPage />);
    await waitFor(() => expect(screen.getByText('还没有操作记录')).toBeTruthy());
  });
});
