import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEMO } from '../../devcloud/seed';
import { ReportButton } from '../../src/components/ReportButton';
import ReportsPage from '../../src/packages/admin/reports';
import { reportService } from '../../src/services/report';
import { startBackend, type Backend } from './backend';

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const tapButton = (label: string) => fireEvent.click(screen.getByText(label).closest('.nut-button') ?? screen.getByText(label));

describe('投诉/举报 from a page that shows someone else’s content', () => {
  let backend: Backend;
  let toast: jest.SpyInstance;
  beforeAll(async () => {
    backend = await startBackend();
  });
  beforeEach(() => {
    backend.calls.length = 0;
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
  });
  afterEach(() => toast.mockRestore());

  it('offers nothing on the viewer’s own content', () => {
    render(<ReportButton targetKind='achievement' targetId={DEMO.achievementPatent} hidden />);
    expect(screen.queryByText('投诉/举报')).toBeNull();
  });

  it('asks for a reason before anything is sent', async () => {
    backend.signInAs(DEMO.leaderB);
    render(<ReportButton targetKind='achievement' targetId={DEMO.achievementPatent} />);
    fireEvent.click(screen.getByText('投诉/举报'));
    for (const label of ['违法违规', '虚假不实', '泄露他人隐私', '辱骂攻击', '广告营销', '其他'])
      expect(screen.getByText(label)).toBeTruthy();
    await act(async () => tapButton('提交'));
    expect(screen.getByText('请选择举报原因')).toBeTruthy();
    expect(backend.calls).toEqual([]);
  });

  it('sends the chosen reason and note once, tells the reporter, and the organizer sees it waiting', async () => {
    backend.signInAs(DEMO.leaderB);
    render(<ReportButton targetKind='achievement' targetId={DEMO.achievementPatent} />);
    fireEvent.click(screen.getByText('投诉/举报'));
    fireEvent.click(screen.getByText('广告营销'));
    expect(screen.getByText('广告营销').getAttribute('aria-checked')).toBe('true');
    await act(async () => tapButton('提交'));
    await waitFor(() => expect(screen.queryByText('广告营销')).toBeNull());
    expect(backend.calls).toEqual(['report.submit']);
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已提交，管理员会尽快处理' }));

    backend.signInAs(DEMO.organizer);
    const waiting = await reportService.list({ status: 'open' });
    if (!waiting.ok) throw new Error(waiting.message);
    const mine = waiting.data.items.find((card) => card.reason === 'ads');
    expect(mine).toMatchObject({ targetKind: 'achievement', targetId: DEMO.achievementPatent, status: 'open' });
  });

  it('keeps the form open and says why when the report is refused', async () => {
    backend.signInAs(DEMO.leaderA);
    render(<ReportButton targetKind='team' targetId={DEMO.teamA} />);
    fireEvent.click(screen.getByText('投诉/举报'));
    fireEvent.click(screen.getByText('其他'));
    await act(async () => tapButton('提交'));
    await waitFor(() => expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '不能举报自己的内容' })));
    expect(screen.getByText('其他')).toBeTruthy();
  });
});

describe('the organizer’s 待处理的举报', () => {
  let backend: Backend;
  let toast: jest.SpyInstance;
  beforeAll(async () => {
    backend = await startBackend();
  });
  beforeEach(() => {
    toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
  });
  afterEach(() => toast.mockRestore());

  it('lists what was reported and why, and a dismissal shows on the card at once', async () => {
    backend.signInAs(DEMO.organizer);
    const { container } = render(<ReportsPage />);
    await waitFor(() => expect(screen.getByText(/一种车规级芯片故障注入验证方法/)).toBeTruthy());
    const card = container.querySelector('.kc-reports__card') as HTMLElement;
    expect(within(card).getByText('原因：虚假不实')).toBeTruthy();
    expect(within(card).getByText('待处理')).toBeTruthy();
    backend.calls.length = 0;
    await act(async () => fireEvent.click(within(card).getByText('驳回举报').closest('.nut-button') as HTMLElement));
    await waitFor(() => expect(within(card).getByText('已驳回')).toBeTruthy());
    expect(backend.calls).toEqual(['report.decide']);
    expect(within(card).queryByText('驳回举报')).toBeNull();
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: '已驳回' }));
  });
});
