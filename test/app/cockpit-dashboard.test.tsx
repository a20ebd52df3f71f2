import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEMO } from '../../devcloud/seed';
import { FunnelChart } from '../../src/packages/cockpit/dashboard/charts/FunnelChart';
import { monthLabel } from '../../src/packages/cockpit/dashboard/charts/MonthlyBars';
import DashboardPage from '../../src/packages/cockpit/dashboard';
import { useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';

/** The page's query, as Taro's router would give it. */
function routeWith(params: Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro');
  taro.useRouter = () => ({ params });
}

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
beforeEach(() => {
  backend.calls.length = 0;
  useUserStore.setState({ me: null, error: null, loading: false });
  routeWith({});
});

/** The row of the numbers list (or table) whose first cell says `name`. */
const rowOf = (scope: HTMLElement, name: string) => within(scope).getByText(name).parentElement as HTMLElement;
const section = (title: string) => screen.getByText(title).parentElement as HTMLElement;

/** Shanghai month (YYYY-MM) some days ago. */
const monthDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 7);

describe('数据看板', () => {
  it('says the figures are not counted yet, then shows them as numbers once dispatch has run', async () => {
    backend.signInAs(DEMO.organizer);
    const first = render(<DashboardPage />);
    await waitFor(() => expect(screen.getByText(/统计尚未生成/)).toBeTruthy());
    expect(screen.getByText('共青团某省委员会')).toBeTruthy();
    first.unmount();

    const ran = await backend.cloud.runDispatch();
    expect(ran.ok).toBe(true);
    render(<DashboardPage />);
    await waitFor(() => expect(screen.getByText(/^统计截至 .+，每小时更新$/)).toBeTruthy());
    expect(backend.calls).toContain('cockpit.dashboard');

    // 队伍: two registered (A, B), one waiting for review; B overdue for its refresh.
    const teams = section('队伍');
    expect(within(rowOf(teams, '已备案')).getByText('2 支')).toBeTruthy();
    expect(within(rowOf(teams, '待审核')).getByText('1 支')).toBeTruthy();
    expect(within(rowOf(teams, '集成电路')).getByText('1 支')).toBeTruthy();
    expect(within(teams).getByText('逾期未更新备案（超过 90 天）').previousSibling?.textContent).toBe('1');

    // 揭榜挂帅: four drafted (one from an enterprise's need), two published, two claimed, one reviewed, one won.
    const challenges = section('揭榜挂帅');
    const funnel = within(challenges).getByLabelText('榜单漏斗（数字）');
    const steps = ['征榜', '发榜', '揭榜', '评榜', '夺榜'].map((stage) => rowOf(funnel, stage).textContent);
    expect(steps).toEqual(['征榜4 个', '发榜2 个', '揭榜2 个', '评榜1 个', '夺榜1 个']);
    expect(within(challenges).getByText('已夺榜').previousSibling?.textContent).toBe('1');
    expect(within(challenges).getByText('止步').previousSibling?.textContent).toBe('0');

    // 成果: the patent (20 days ago) and the paper (10 days ago) by month; the standard waits apart.
    const achievements = section('成果');
    expect(within(achievements).getByText('累计已确认').previousSibling?.textContent).toBe('2');
    expect(within(achievements).getByText('待确认（不计入合计）').previousSibling?.textContent).toBe('1');
    const patentMonth = rowOf(achievements, monthLabel(monthDaysAgo(20)));
    expect(within(patentMonth).getByText(/专利 1/)).toBeTruthy();
    expect(within(achievements).getByText('其余月份没有确认的成果。')).toBeTruthy();
    expect(within(achievements).queryByText(/标准/)).toBeNull();

    // 反馈与通知
    const feedback = section('反馈与通知');
    expect(within(feedback).getByText('已送达').previousSibling?.textContent).toBe('1');
    expect(within(feedback).getByText('需确认的通知共发给 4 人次，已确认 0 人次。')).toBeTruthy();

    // 企业点单 → 成果转化: the open need and the one turned into a 征榜 draft; 2 days to take it, 4 to decide.
    const line = section('企业点单 → 成果转化');
    const needFunnel = within(line).getByLabelText('需求漏斗（数字）');
    const reached = ['收到需求', '已接单', '转为榜单', '有队伍揭榜', '夺榜', '成果转化'].map(
      (stage) => rowOf(needFunnel, stage).textContent,
    );
    expect(reached).toEqual(['收到需求2 项', '已接单1 项', '转为榜单1 项', '有队伍揭榜0 项', '夺榜0 项', '成果转化0 项']);
    const spans = within(line).getByLabelText('需求各环节平均用时');
    expect(rowOf(spans, '提交 → 接单').textContent).toBe('提交 → 接单2 天1 项');
    expect(rowOf(spans, '征榜 → 发榜').textContent).toBe('征榜 → 发榜—0 项');

    // 技术合同成交额: team A's license of its patent waits for the enterprise: beside the sum, not in it.
    const contracts = section('技术合同成交额（已确认）');
    expect(within(contracts).getByText('已确认成交额').previousSibling?.textContent).toBe('0 元');
    expect(within(contracts).getByText('待企业确认（不计入合计）').previousSibling?.textContent).toBe('1 项');
    expect(rowOf(within(contracts).getByLabelText('按转化方式的已确认合同'), '许可').textContent).toBe('许可0 项0 元');

    // Sub-orgs in tree order, each with its own figures.
    const table = screen.getByLabelText('下级组织的统计');
    const names = within(table)
      .getAllByText(/团委$/)
      .map((cell) => cell.textContent);
    expect(names).toEqual(['华芯微电子团委', '智算研究院团委']);
    const hx = rowOf(table, '华芯微电子团委');
    expect([...hx.children].slice(1, 4).map((cell) => cell.textContent)).toEqual(['1', '1', '0']);
    // A row opens that org's own dashboard.
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    fireEvent.click(within(table).getByText('智算研究院团委'));
    expect(navigate).toHaveBeenCalledWith({ url: '/packages/cockpit/dashboard/index?orgId=org-league-zs' });
    navigate.mockRestore();
  });

  it('opens the org a link names, with no sub-orgs to list', async () => {
    await backend.cloud.runDispatch();
    backend.signInAs(DEMO.unitOrganizer);
    routeWith({ orgId: 'org-league-zs' });
    render(<DashboardPage />);
    await waitFor(() => expect(screen.getByText('智算研究院团委没有下级团组织。')).toBeTruthy());
    expect(within(rowOf(section('队伍'), '已备案')).getByText('1 支')).toBeTruthy();
  });

  it('says plainly that a member who organizes nothing has no dashboard', async () => {
    backend.signInAs(DEMO.memberA);
    render(<DashboardPage />);
    await waitFor(() => expect(screen.getByText('没有可查看的看板')).toBeTruthy());
    expect(backend.calls).not.toContain('cockpit.dashboard');
  });

  it('shows the refusal for an org above the caller', async () => {
    backend.signInAs(DEMO.unitOrganizer);
    routeWith({ orgId: 'org-league-prov' });
    render(<DashboardPage />);
    await waitFor(() => expect(screen.getByText('没有权限查看')).toBeTruthy());
  });
});

describe('charts', () => {
  /** A 2D context that records the text drawn on it and answers the rest with nothing. */
  function recordingContext(texts: string[]) {
    const base: Record<string, unknown> = {
      fillText: (text: string) => texts.push(String(text)),
      measureText: (text: string) => ({ width: String(text).length * 6 }),
      getLineDash: () => [],
      createLinearGradient: () => ({ addColorStop: () => undefined }),
      createPattern: () => null,
      getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
      isPointInPath: () => false,
      getImageData: (_x: number, _y: number, width: number, height: number) => ({ data: new Uint8ClampedArray(width * height * 4) }),
    };
    return new Proxy(base, {
      get: (target, key) => (key in target ? target[key as string] : typeof key === 'string' ? () => undefined : undefined),
      set: (target, key, value) => {
        target[key as string] = value;
        return true;
      },
    });
  }

  const steps = [
    { label: '征榜', value: 5 },
    { label: '发榜', value: 4 },
    { label: '揭榜', value: 3 },
    { label: '评榜', value: 2 },
    { label: '夺榜', value: 1 },
  ];

  it('lists its numbers and draws nothing, without throwing, where no canvas context can be had', async () => {
    render(<FunnelChart id='test-funnel' title='榜单漏斗' steps={steps} unit='个' />);
    expect(screen.getByLabelText('榜单漏斗（数字）').textContent).toBe('征榜5 个发榜4 个揭榜3 个评榜2 个夺榜1 个');
    expect(screen.getByLabelText('榜单漏斗：征榜 5 个，发榜 4 个，揭榜 3 个，评榜 2 个，夺榜 1 个')).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('draws the funnel with F2 on the 2D canvas the platform hands back', async () => {
    const texts: string[] = [];
    const context = recordingContext(texts);
    const node = { width: 0, height: 0, getContext: () => context };
    const query = {
      select: () => ({ fields: () => query, boundingClientRect: () => query }),
      exec: (callback: (results: unknown[]) => void) => callback([{ node }, { width: 320, height: 200 }]),
    };
    const select = jest.spyOn(Taro, 'createSelectorQuery').mockReturnValue(query as never);
    const page = jest.spyOn(Taro, 'getCurrentInstance').mockReturnValue({ page: {} } as never);
    // F2 measures text on a canvas of its own.
    const measure = jest.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(context as never);
    try {
      render(<FunnelChart id='test-funnel-drawn' title='榜单漏斗' steps={steps} unit='个' />);
      await waitFor(() => expect(texts).toEqual(expect.arrayContaining(['征榜', '夺榜', '5', '1'])));
      expect(node.width).toBeGreaterThanOrEqual(320);
    } finally {
      select.mockRestore();
      page.mockRestore();
      measure.mockRestore();
    }
  });
});
