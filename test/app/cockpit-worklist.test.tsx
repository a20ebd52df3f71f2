import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { LocalFnName } from '../../devcloud/cloud';
import { DEMO } from '../../devcloud/seed';
import WorklistPage from '../../src/packages/cockpit/worklist';
import { startBackend, type Backend } from './backend';
import { fire, stopPullDown } from './page-driver';

jest.mock('@tarojs/taro', () => jest.requireActual('./page-driver').taroDrivenByHand());

let backend: Backend;
let navigate: jest.SpyInstance;
beforeEach(async () => {
  backend = await startBackend();
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
});
afterEach(() => navigate.mockRestore());

/** A change made elsewhere (another page, another person) straight through the local cloud. */
const as = (openid: string, fn: LocalFnName, event: Record<string, unknown>) => backend.cloud.call(fn, event, openid);

describe('待办', () => {
  it('groups what waits with its count and first items; a tap opens the item, or the page that handles the queue', async () => {
    backend.signInAs(DEMO.organizer);
    render(<WorklistPage />);
    await waitFor(() => expect(screen.getByText('共 7 项等你处理')).toBeTruthy());
    for (const title of ['队伍', '企业点单', '揭榜挂帅', '成果与活动', '举报']) expect(screen.getByText(title)).toBeTruthy();
    expect(screen.queryByText('反馈函与通知')).toBeNull();
    expect(screen.getByText(/暂无：.*待评审的节点/)).toBeTruthy();

    fireEvent.click(screen.getByText('「大模型推理加速青年突击队」揭榜「车规级 MCU 功能安全验证平台」'));
    expect(navigate).toHaveBeenLastCalledWith({
      url: `/packages/challenge/claim/index?challengeId=${DEMO.challengeRace}&teamId=${DEMO.teamB}`,
    });
    fireEvent.click(screen.getByText('逾期未更新备案的队伍'));
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/admin/teams/index' });
    // 企业点单: the need waiting to be taken opens itself; the queue's card opens 需求接单.
    fireEvent.click(screen.getByText('「省汽车电子集团」动力电池管理系统 SOC 估算精度提升'));
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/need/detail/index?id=${DEMO.needOpen}` });
    fireEvent.click(screen.getByText('待接单的企业需求'));
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/need/queue/index' });
    fireEvent.click(screen.getByText('待转达团队的企业意向'));
    expect(navigate).toHaveBeenLastCalledWith({ url: '/packages/transfer/interests/index' });
  });

  it('reloads on pull-down and when returned to, so a handled item leaves the list', async () => {
    backend.signInAs(DEMO.organizer);
    render(<WorklistPage />);
    await waitFor(() => expect(screen.getByText('高纯靶材国产化青年突击队')).toBeTruthy());
    await as(DEMO.organizer, 'team', { action: 'review', teamId: DEMO.teamPending, decision: 'approve', reason: '' });
    await fire('pullDown');
    await waitFor(() => expect(screen.getByText('共 6 项等你处理')).toBeTruthy());
    expect(screen.queryByText('高纯靶材国产化青年突击队')).toBeNull();
    expect(stopPullDown).toHaveBeenCalled();

    await as(DEMO.organizer, 'report', { action: 'decide', reportId: DEMO.report, decision: 'dismiss', reason: '' });
    await fire('hide');
    await fire('show');
    await waitFor(() => expect(screen.getByText('共 5 项等你处理')).toBeTruthy());
    expect(screen.queryByText('举报')).toBeNull();
  });

  it('says plainly when nothing waits', async () => {
    // 智算研究院团委's only item is team B's overdue refresh: its leader refreshes it.
    await as(DEMO.leaderB, 'team', {
      action: 'refresh',
      teamId: DEMO.teamB,
      name: '大模型推理加速青年突击队',
      field: '人工智能',
      intro: '跨单位联合攻关国产算力上的大模型推理优化。',
      unitName: '省智能计算研究院',
      partyOrgId: 'org-party-zs',
      crossUnit: true,
    });
    backend.signInAs(DEMO.unitOrganizer);
    render(<WorklistPage />);
    await waitFor(() => expect(screen.getByText('没有等你处理的事')).toBeTruthy());
    expect(screen.queryByText(/项等你处理/)).toBeNull();
  });
});
