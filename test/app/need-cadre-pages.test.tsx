import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { FIRST_RESPONSE_DAYS } from '../../core/need-rules';
import { DAY_MS, formatShortDay, shanghaiDay } from '../../core/time';
import type { NeedDetail } from '../../core/views/need';
import type { LocalFnName } from '../../devcloud/cloud';
import { DEMO } from '../../devcloud/seed';
import DecideNeedPage from '../../src/packages/need/decide';
import NeedDetailPage from '../../src/packages/need/detail';
import EnterprisesPage from '../../src/packages/need/enterprises';
import NeedQueuePage from '../../src/packages/need/queue';
import NeedTracePage from '../../src/packages/need/trace';
import { useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';
import { fire, stopPullDown } from './page-driver';

jest.mock('@tarojs/taro', () => jest.requireActual('./page-driver').taroDrivenByHand());

const OPEN_TITLE = '动力电池管理系统 SOC 估算精度提升';

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const tapButton = (label: string | RegExp) => fireEvent.click(screen.getByText(label).closest('.nut-button') ?? screen.getByText(label));

/** The labels of the buttons on screen (a step on the timeline may share a button's word). */
const buttonLabels = () => [...document.querySelectorAll('.nut-button')].map((button) => button.textContent?.trim());

/** Taro's input listens to the native field it draws inside itself (once its web component has rendered). */
async function typeInto(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((element) => ['INPUT', 'TEXTAREA'].includes(element.tagName));
    if (!found) throw new Error(`no field for ${placeholder} yet`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

/** The page's query, as Taro's router would give it. */
function routeWith(params: Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro');
  taro.useRouter = () => ({ params });
}

function signInAs(openid: string) {
  backend.signInAs(openid);
  useUserStore.setState({ me: null });
}

/** A change made elsewhere (another page, another person) straight through the local cloud. */
const as = (openid: string, fn: LocalFnName, event: Record<string, unknown>) => backend.cloud.call(fn, event, openid);

let backend: Backend;
let modal: jest.SpyInstance;
let navigate: jest.SpyInstance;
let redirect: jest.SpyInstance;

beforeEach(async () => {
  backend = await startBackend();
  Taro.clearStorageSync();
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
  navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
  redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
  jest.spyOn(Taro, 'navigateBack').mockResolvedValue({ errMsg: 'navigateBack:ok' } as never);
  // Opened from the need's page: there is a page to go back to.
  jest.spyOn(Taro, 'getCurrentPages').mockReturnValue([{}, {}] as never);
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

describe('需求详情', () => {
  it('offers an organizer 接单, says the first-response deadline before taking, and shows it after', async () => {
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    render(<NeedDetailPage />);
    await waitFor(() => expect(screen.getByText(OPEN_TITLE)).toBeTruthy());
    expect(screen.getByText('等待「共青团某省委员会」的接单干部接单。')).toBeTruthy();
    expect(buttonLabels()).toEqual(['接单', '发送']);

    await act(async () => tapButton('接单'));
    const due = formatShortDay(shanghaiDay(Date.now() + FIRST_RESPONSE_DAYS * DAY_MS));
    await waitFor(() => expect(screen.getByText(`首次回复期限 ${due}`)).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '接单', content: expect.stringContaining(`须在 ${FIRST_RESPONSE_DAYS} 天内（${due}前）`) }),
    );
    expect(screen.getByText('处理中 · 由 王敏 负责')).toBeTruthy();
    expect(buttonLabels()).toEqual(['处理', '转交/放弃接单', '发送']);
    expect(backend.calls).toContain('need.take');

    fireEvent.click(screen.getByText('处理').closest('.nut-button') as HTMLElement);
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/need/decide/index?id=${DEMO.needOpen}` });
  });

  it('does not take the need when the organizer cancels the confirmation', async () => {
    modal.mockResolvedValue({ confirm: false, cancel: true, errMsg: 'showModal:ok' } as never);
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    render(<NeedDetailPage />);
    await waitFor(() => expect(screen.getByText('接单')).toBeTruthy());
    await act(async () => tapButton('接单'));
    expect(modal).toHaveBeenCalled();
    expect(backend.calls).not.toContain('need.take');
    expect(screen.getByText('接单')).toBeTruthy();
  });

  it('shows the enterprise every step and the thread; a failed send keeps the text, a sent message shows as 企业', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.needOpen });
    const { container } = render(<NeedDetailPage />);
    await waitFor(() => expect(screen.getByText('全部步骤（2）')).toBeTruthy());
    expect(screen.getByText('企业提交需求，等待团组织接单')).toBeTruthy();
    expect(screen.getByText('联系人')).toBeTruthy();
    expect(screen.getByText('钱工 13800000009')).toBeTruthy();
    expect(buttonLabels()).toEqual(['修改', '撤回', '发送']);

    await typeInto('写留言，对方会收到通知', '低温工况的测试数据可以提供');
    const offline = jest.spyOn(globalThis, 'fetch').mockRejectedValueOnce(new TypeError('Failed to fetch'));
    await act(async () => tapButton('发送'));
    expect(offline).toHaveBeenCalled();
    expect((container.querySelector('.kc-need-composer textarea') as HTMLTextAreaElement).value).toBe('低温工况的测试数据可以提供');

    await act(async () => tapButton('发送'));
    const message = await waitFor(() => screen.getByText('低温工况的测试数据可以提供').closest('.kc-need-message') as HTMLElement);
    expect(within(message).getByText('企业')).toBeTruthy();
    expect(within(message).getByText(/^钱工 · /)).toBeTruthy();
    expect((container.querySelector('.kc-need-composer textarea') as HTMLTextAreaElement).value).toBe('');
    expect(screen.getByText('留言（1）')).toBeTruthy();
  });

  it('shows the enterprise the take on pull-down, and 撤回 asks a reason and a confirmation', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.needOpen });
    render(<NeedDetailPage />);
    await waitFor(() => expect(screen.getByText('待接单', { selector: '.kc-need-band__title' })).toBeTruthy());
    expect((await as(DEMO.organizer, 'need', { action: 'take', needId: DEMO.needOpen })).ok).toBe(true);
    await fire('pullDown');
    await waitFor(() => expect(screen.getByText('处理中 · 由 王敏 负责')).toBeTruthy());
    expect(stopPullDown).toHaveBeenCalled();
    expect(screen.getByText('全部步骤（3）')).toBeTruthy();

    await act(async () => tapButton('撤回'));
    const reason = await waitFor(() => {
      const found = document.querySelector('.nut-dialog textarea');
      if (!found) throw new Error('no reason field yet');
      return found;
    });
    fireEvent.input(reason, { target: { value: '已自行找到合作方' } });
    await act(async () => tapButton('下一步'));
    await waitFor(() => expect(screen.getByText('原因：已自行找到合作方')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '撤回需求', content: expect.stringContaining(OPEN_TITLE) }));
    expect(screen.getByText(/^企业已于.*撤回$/)).toBeTruthy();
  });

  it('links an outcome to its challenge and to the whole line', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.needSolicit });
    render(<NeedDetailPage />);
    await waitFor(() => expect(screen.getByText('查看榜单：车载激光雷达点云实时分割 ›')).toBeTruthy());
    expect(screen.getByText('原因：需求明确、指标可衡量，适合以揭榜挂帅方式征集团队。')).toBeTruthy();
    fireEvent.click(screen.getByText('查看榜单：车载激光雷达点云实时分割 ›'));
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/challenge/detail/index?id=${DEMO.challengeSolicit}` });
    fireEvent.click(screen.getByText(/^查看全程/));
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/need/trace/index?id=${DEMO.needSolicit}` });
  });
});

describe('处理需求', () => {
  it('requires a reason for 不予采纳, then records it after a confirmation', async () => {
    expect((await as(DEMO.organizer, 'need', { action: 'take', needId: DEMO.needOpen })).ok).toBe(true);
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    render(<DecideNeedPage />);
    await waitFor(() => expect(screen.getByText('不予采纳')).toBeTruthy());
    fireEvent.click(screen.getByText('不予采纳'));
    await act(async () => tapButton('确认处理'));
    expect(screen.getByText('原因至少 2 个字')).toBeTruthy();
    expect(modal).not.toHaveBeenCalled();
    expect(backend.calls).not.toContain('need.decide');

    await typeInto('写明这样处理的原因，企业会看到', '与本省重点产业方向不符，建议对接高校实验室');
    await act(async () => tapButton('确认处理'));
    await waitFor(() => expect(backend.calls).toContain('need.decide'));
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '处理为「不予采纳」', content: expect.stringContaining('企业会看到原因') }),
    );
    const after = (await as(DEMO.issuer, 'need', { action: 'detail', needId: DEMO.needOpen })) as { ok: true; data: NeedDetail };
    expect(after.data.status).toBe('declined');
    expect(after.data.outcome?.reason).toBe('与本省重点产业方向不符，建议对接高校实验室');
  });

  it('turns the need into a 征榜 draft and opens the 征榜 page of that challenge', async () => {
    expect((await as(DEMO.organizer, 'need', { action: 'take', needId: DEMO.needOpen })).ok).toBe(true);
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    render(<DecideNeedPage />);
    await waitFor(() => expect(screen.getByText('转为榜单（征榜）')).toBeTruthy());
    fireEvent.click(screen.getByText('转为榜单（征榜）'));
    await typeInto('写明这样处理的原因，企业会看到', '指标明确，适合揭榜挂帅');
    await act(async () => tapButton('确认处理'));
    await waitFor(() => expect(redirect).toHaveBeenCalled());
    const after = (await as(DEMO.organizer, 'need', { action: 'detail', needId: DEMO.needOpen })) as { ok: true; data: NeedDetail };
    const challengeId = after.data.outcome?.challenge?.id;
    expect(challengeId).toBeTruthy();
    expect(redirect).toHaveBeenCalledWith({ url: `/packages/challenge/solicit/index?id=${challengeId}` });
  });

  it('recommends a picked team, naming it in the confirmation, and the enterprise then sees it', async () => {
    expect((await as(DEMO.organizer, 'need', { action: 'take', needId: DEMO.needOpen })).ok).toBe(true);
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    render(<DecideNeedPage />);
    await waitFor(() => expect(screen.getByText('直接推荐团队')).toBeTruthy());
    fireEvent.click(screen.getByText('直接推荐团队'));
    await typeInto('写明这样处理的原因，企业会看到', '该队在车规级芯片方面有积累');
    await act(async () => tapButton('确认处理'));
    expect(screen.getByText('请至少选择一支推荐的团队')).toBeTruthy();
    expect(backend.calls).not.toContain('need.decide');

    fireEvent.click(screen.getByText('车规级芯片青年突击队（华芯微电子团委 · 集成电路）'));
    expect(screen.getByText('已选 1 / 5 支，与需求同领域（新能源）的排在前面')).toBeTruthy();
    await act(async () => tapButton('确认处理'));
    await waitFor(() => expect(backend.calls).toContain('need.decide'));
    expect(modal).toHaveBeenLastCalledWith(
      expect.objectContaining({ content: expect.stringContaining('推荐 1 支团队：车规级芯片青年突击队') }),
    );
    const after = (await as(DEMO.issuer, 'need', { action: 'detail', needId: DEMO.needOpen })) as { ok: true; data: NeedDetail };
    expect(after.data.outcome?.teams.map((team) => team.name)).toEqual(['车规级芯片青年突击队']);
  });

  it('merges into another need of the org picked from the queue, never offering the need itself', async () => {
    expect((await as(DEMO.organizer, 'need', { action: 'take', needId: DEMO.needOpen })).ok).toBe(true);
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    const { container } = render(<DecideNeedPage />);
    await waitFor(() => expect(screen.getByText('与重复需求合并')).toBeTruthy());
    fireEvent.click(screen.getByText('与重复需求合并'));
    const other = await waitFor(() => screen.getByText('车载激光雷达点云实时分割'));
    const choices = [...container.querySelectorAll('[aria-label="合并到的需求"] .kc-need-decide__outcome-name')].map(
      (node) => node.textContent,
    );
    expect(choices).toEqual(['车载激光雷达点云实时分割']);
    fireEvent.click(other);
    await typeInto('写明这样处理的原因，企业会看到', '与已转为榜单的需求属同一课题');
    await act(async () => tapButton('确认处理'));
    await waitFor(() => expect(backend.calls).toContain('need.decide'));
    const after = (await as(DEMO.issuer, 'need', { action: 'detail', needId: DEMO.needOpen })) as { ok: true; data: NeedDetail };
    expect(after.data.outcome?.mergedInto).toEqual({ id: DEMO.needSolicit, title: '车载激光雷达点云实时分割' });
  });

  it('tells a cadre who has not taken the need to take it first', async () => {
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.needOpen });
    render(<DecideNeedPage />);
    await waitFor(() => expect(screen.getByText('现在不能处理这项需求')).toBeTruthy());
    expect(screen.queryByText('确认处理')).toBeNull();
  });
});

describe('需求接单', () => {
  it('lists the waiting need, then with its owner and deadline once taken, and the decided one under 已处理', async () => {
    signInAs(DEMO.organizer);
    routeWith({});
    render(<NeedQueuePage />);
    const waiting = await waitFor(() => screen.getByText(OPEN_TITLE).closest('.kc-need-card') as HTMLElement);
    expect(screen.queryByText('车载激光雷达点云实时分割')).toBeNull();
    fireEvent.click(waiting);
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/need/detail/index?id=${DEMO.needOpen}` });

    expect((await as(DEMO.organizer, 'need', { action: 'take', needId: DEMO.needOpen })).ok).toBe(true);
    await fire('pullDown');
    const due = formatShortDay(shanghaiDay(Date.now() + FIRST_RESPONSE_DAYS * DAY_MS));
    await waitFor(() => expect(screen.getByText(`${due}前首次回复`)).toBeTruthy());
    expect(screen.getByText('接单：王敏')).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByText('我接的')));
    await waitFor(() => expect(screen.getByText(OPEN_TITLE)).toBeTruthy());
    await act(async () => fireEvent.click(screen.getByText('已处理')));
    await waitFor(() => expect(screen.getByText('车载激光雷达点云实时分割')).toBeTruthy());
    expect(screen.queryByText(OPEN_TITLE)).toBeNull();
  });

  it('sends someone who takes no needs to enter a code', async () => {
    signInAs(DEMO.leaderA);
    routeWith({});
    render(<NeedQueuePage />);
    await waitFor(() => expect(screen.getByText('只有团组织管理员和接单干部可以接单')).toBeTruthy());
    expect(backend.calls).not.toContain('need.queue');
  });
});

describe('需求全程', () => {
  it('shows the confirmed amount and the line from the need to its challenge, each entry opening its page', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.needSolicit });
    render(<NeedTracePage />);
    await waitFor(() => expect(screen.getByText('已确认合同金额')).toBeTruthy());
    expect(screen.getByText('0 元')).toBeTruthy();
    expect(screen.getByText('企业提交需求，等待团组织接单')).toBeTruthy();
    const drafted = screen.getByText('起草榜单「车载激光雷达点云实时分割」').closest('.kc-need-trace__item') as HTMLElement;
    expect(within(drafted).getByText('榜单')).toBeTruthy();
    fireEvent.click(drafted);
    expect(navigate).toHaveBeenLastCalledWith({ url: `/packages/challenge/detail/index?id=${DEMO.challengeSolicit}` });
  });

  it('is not shown to someone who is neither the enterprise nor a cadre of the need', async () => {
    signInAs(DEMO.leaderA);
    routeWith({ id: DEMO.needSolicit });
    render(<NeedTracePage />);
    await waitFor(() => expect(screen.getByText('没有权限查看')).toBeTruthy());
    expect(screen.queryByText('已确认合同金额')).toBeNull();
  });
});

describe('企业与接单干部', () => {
  it('lists the certified enterprise and issues a cadre code shown once, which binds whoever enters it', async () => {
    signInAs(DEMO.organizer);
    routeWith({});
    render(<EnterprisesPage />);
    await waitFor(() => expect(screen.getByText('已认证企业（1）')).toBeTruthy());
    expect(screen.getByText('省汽车电子集团')).toBeTruthy();
    expect(screen.getByText('待确认的企业认证（0）')).toBeTruthy();

    await act(async () => tapButton('生成接单干部邀请码'));
    const code = await waitFor(() => screen.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/));
    expect(screen.getByText(/邀请码只显示这一次/)).toBeTruthy();
    expect(screen.getByText(/^有效期至 /)).toBeTruthy();
    const clipboard = jest.spyOn(Taro, 'setClipboardData').mockResolvedValue({ errMsg: 'setClipboardData:ok' } as never);
    fireEvent.click(screen.getByText('复制邀请码').closest('.nut-button') as HTMLElement);
    expect(clipboard).toHaveBeenCalledWith({ data: code.textContent });

    const redeemed = await as(DEMO.applicant, 'need', { action: 'redeemCode', code: code.textContent });
    expect(redeemed).toMatchObject({ ok: true, data: { kind: 'cadre', scopeId: 'org-league-prov' } });
  });

  it('approves a pending application after a confirmation naming the applicant, who then counts as certified', async () => {
    expect(
      (
        await as(DEMO.applicant, 'need', {
          action: 'apply',
          orgId: 'org-league-prov',
          enterpriseName: '省新能源装备公司',
          requestId: 'apply-test-0001',
        })
      ).ok,
    ).toBe(true);
    signInAs(DEMO.organizer);
    routeWith({});
    render(<EnterprisesPage />);
    await waitFor(() => expect(screen.getByText('待确认的企业认证（1）')).toBeTruthy());
    const item = screen.getByText('省新能源装备公司').closest('.kc-need-ent__item') as HTMLElement;
    expect(within(item).getByText('申请人：周宁（华芯微电子有限公司）')).toBeTruthy();
    expect(within(item).getByText('13800000007')).toBeTruthy();
    await act(async () => fireEvent.click(within(item).getByText('通过').closest('.nut-button') as HTMLElement));
    await waitFor(() => expect(screen.getByText('已认证企业（2）')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '通过企业认证', content: expect.stringContaining('周宁') }));
    expect(screen.getByText('待确认的企业认证（0）')).toBeTruthy();
  });

  it('asks the enterprise name for a contact code, beside the field', async () => {
    signInAs(DEMO.organizer);
    routeWith({});
    render(<EnterprisesPage />);
    await waitFor(() => expect(screen.getByText('已认证企业（1）')).toBeTruthy());
    await act(async () => tapButton('生成企业联系人邀请码'));
    expect(screen.getByText('请填写企业名称', { selector: '.kc-form-row__error' })).toBeTruthy();
    expect(backend.calls).not.toContain('need.issueCode');
  });
});
