import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { FIELDS } from '../../core/fields';
import type { OrgOptions } from '../../core/views';
import type { EnterpriseView, IssuedRoleCode, NeedCard } from '../../core/views/need';
import { DEMO } from '../../devcloud/seed';
import ApplyEnterprisePage from '../../src/packages/need/apply';
import NeedBoardPage from '../../src/packages/need/board';
import EditNeedPage from '../../src/packages/need/edit';
import MyNeedsPage from '../../src/packages/need/mine';
import { respondByText } from '../../src/packages/need/components/NeedCardItem';
import RedeemRoleCodePage from '../../src/packages/need/redeem';
import { useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const tapButton = (label: string | RegExp) => fireEvent.click(screen.getByText(label).closest('.nut-button') ?? screen.getByText(label));

/** Taro's input listens to the native field it draws inside itself (once its web component has rendered). */
async function fieldFor(placeholder: string): Promise<HTMLInputElement> {
  return waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((element) => ['INPUT', 'TEXTAREA'].includes(element.tagName));
    if (!found) throw new Error(`no field for ${placeholder} yet`);
    return found as HTMLInputElement;
  });
}

async function typeInto(placeholder: string, value: string) {
  fireEvent.input(await fieldFor(placeholder), { target: { value } });
}

/** The form row (label, control, error) a label heads. */
const rowOf = (label: string) => screen.getByText(label).closest('.kc-form-row') as HTMLElement;

function routeWith(params: Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro');
  taro.useRouter = () => ({ params });
}

function signInAs(openid: string) {
  backend.signInAs(openid);
  useUserStore.setState({ me: null, error: null });
}

async function callAs<T>(openid: string, fn: 'need' | 'team', event: Record<string, unknown>): Promise<T> {
  const answer = await backend.cloud.call(fn, event, openid);
  if (!answer.ok) throw new Error(`${String(event.action)} refused: ${answer.message}`);
  return answer.data as T;
}

let backend: Backend;
let modal: jest.SpyInstance;
let redirect: jest.SpyInstance;

beforeAll(async () => {
  backend = await startBackend();
});
beforeEach(() => {
  backend.calls.length = 0;
  Taro.clearStorageSync();
  routeWith({});
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
  redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
  jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

describe('我的需求', () => {
  it('shows 钱工 his enterprise and its needs: the draft, the one waiting to be taken and the one that became a challenge', async () => {
    signInAs(DEMO.issuer);
    const { container } = render(<MyNeedsPage />);
    await waitFor(() => expect(screen.getByText('动力电池管理系统 SOC 估算精度提升')).toBeTruthy());
    const enterprise = container.querySelector('.kc-enterprise') as HTMLElement;
    expect(within(enterprise).getByText('省汽车电子集团')).toBeTruthy();
    expect(within(enterprise).getByText('已认证')).toBeTruthy();

    const card = (title: string) => screen.getByText(title).closest('.kc-need-card') as HTMLElement;
    expect(within(card('动力电池管理系统 SOC 估算精度提升')).getByText('待接单')).toBeTruthy();
    expect(within(card('动力电池管理系统 SOC 估算精度提升')).queryByText(/^接单：/)).toBeNull();
    expect(within(card('车载毫米波雷达抗干扰算法')).getByText('草稿')).toBeTruthy();
    expect(within(card('车载毫米波雷达抗干扰算法')).getByText('仅团组织可见')).toBeTruthy();
    expect(within(card('车载激光雷达点云实时分割')).getByText('已转为榜单')).toBeTruthy();
    expect(screen.getByText('发布需求')).toBeTruthy();
    expect(screen.queryByText('企业认证')).toBeNull();

    fireEvent.click(card('车载毫米波雷达抗干扰算法'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: `/packages/need/detail/index?id=${DEMO.needDraft}` });
  });

  it('says by when a taken need gets its first answer, or that the deadline passed, and nothing once it has an outcome or was answered', () => {
    const respondBy = Date.parse('2026-03-05T12:00:00+08:00');
    expect(respondByText({ status: 'taken', respondBy, respondedAt: null, responseOverdue: false })).toBe('3月5日前首次回复');
    expect(respondByText({ status: 'taken', respondBy, respondedAt: respondBy - 1000, responseOverdue: false })).toBe('');
    expect(respondByText({ status: 'taken', respondBy, respondedAt: null, responseOverdue: true })).toBe('已超过首次回复期限');
    expect(respondByText({ status: 'challenge', respondBy, respondedAt: null, responseOverdue: false })).toBe('');
    expect(respondByText({ status: 'submitted', respondBy: null, respondedAt: null, responseOverdue: false })).toBe('');
  });

  it('tells someone with no enterprise how to become its contact instead of offering to publish', async () => {
    signInAs(DEMO.memberB);
    render(<MyNeedsPage />);
    await waitFor(() => expect(screen.getByText('企业认证')).toBeTruthy());
    expect(screen.getByText('我有邀请码')).toBeTruthy();
    expect(screen.queryByText('发布需求')).toBeNull();
  });
});

describe('发布需求', () => {
  it('keeps what was typed across a reload, marks a too-short title at its field, then saves and submits after a confirmation', async () => {
    signInAs(DEMO.issuer);
    const first = render(<EditNeedPage />);
    await typeInto('一句话说清要解决的问题', '电池');
    await typeInto('遇到了什么问题，现在做到什么程度，卡在哪里', '低温工况下电池包一致性差，均衡策略失效，续航衰减明显。');
    first.unmount();

    const { container } = render(<EditNeedPage />);
    await waitFor(() => expect(screen.getByText('已恢复上次未提交的内容')).toBeTruthy());
    expect((await fieldFor('一句话说清要解决的问题')).value).toBe('电池');
    expect((await fieldFor('对接人姓名')).value).toBe('钱工');

    await act(async () => tapButton('保存草稿'));
    expect(within(rowOf('需求名称')).getByText('需求名称至少 4 个字')).toBeTruthy();
    expect(backend.calls).not.toContain('need.save');

    await typeInto('一句话说清要解决的问题', '低温电池包主动均衡');
    const fieldPicker = container.querySelector('.kc-form-row taro-picker-core') as HTMLElement;
    fireEvent(fieldPicker, new CustomEvent('change', { detail: { value: FIELDS.indexOf('新能源') } }));
    await typeInto('希望达到的可衡量指标，如：估算误差 ≤ 2%', '-20℃ 下电芯压差 ≤ 20 mV');
    await typeInto('如：12 个月', '9 个月');
    fireEvent.click(screen.getByText('仅团组织可见'));
    expect(screen.getByText(/不出现在「企业需求」中/)).toBeTruthy();
    await act(async () => tapButton(/^提交$/));

    await waitFor(() => expect(redirect).toHaveBeenCalled());
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '提交需求', content: '提交后团组织会收到并接单；接单前仍可修改。' }),
    );
    expect(backend.calls).toEqual(expect.arrayContaining(['need.save', 'need.submit']));
    const mine = await callAs<NeedCard[]>(DEMO.issuer, 'need', { action: 'mine' });
    const sent = mine.find((need) => need.title === '低温电池包主动均衡');
    expect(sent).toMatchObject({ status: 'submitted', visibility: 'organizers', field: '新能源' });
    expect(redirect).toHaveBeenCalledWith({ url: `/packages/need/detail/index?id=${sent?.id}` });
    expect(Taro.getStorageSync('kc.draft.need.new')).toBeFalsy();
  });

  it('opens a saved draft with its content for editing', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.needDraft });
    render(<EditNeedPage />);
    await waitFor(async () => expect((await fieldFor('一句话说清要解决的问题')).value).toBe('车载毫米波雷达抗干扰算法'));
    expect(within(rowOf('所属领域')).getByText('新一代信息技术', { selector: '.kc-select' })).toBeTruthy();
    expect(screen.getByText('提交')).toBeTruthy();
    expect(screen.queryByText('已恢复上次未提交的内容')).toBeNull();
  });
});

describe('企业认证', () => {
  it('asks a user without a phone number to complete the profile first', async () => {
    signInAs(DEMO.newcomer);
    render(<ApplyEnterprisePage />);
    await waitFor(() => expect(screen.getByText('完善真实姓名和手机号')).toBeTruthy());
    fireEvent.click(screen.getByText('完善真实姓名和手机号'));
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/user/profile/index' });
  });

  it('sends an application to the chosen league org and then lists it as waiting for confirmation', async () => {
    signInAs(DEMO.applicant);
    const { container } = render(<ApplyEnterprisePage />);
    await waitFor(() => expect(screen.getByText('申请认证')).toBeTruthy());
    expect(screen.getByText('我有邀请码')).toBeTruthy();
    const picker = container.querySelector('.kc-form-row taro-picker-core') as HTMLElement;
    const orgs = await callAs<OrgOptions>(DEMO.applicant, 'team', { action: 'orgOptions' });
    const province = orgs.league.findIndex((org) => org.id === 'org-league-prov');
    fireEvent(picker, new CustomEvent('change', { detail: { value: province } }));
    await typeInto('营业执照上的企业全称', '华芯测试装备有限公司');
    await act(async () => tapButton('提交申请'));

    await waitFor(() => expect(screen.getByText('华芯测试装备有限公司')).toBeTruthy());
    const item = screen.getByText('华芯测试装备有限公司').closest('.kc-enterprise') as HTMLElement;
    expect(within(item).getByText('待团组织确认')).toBeTruthy();
    expect(screen.getByText(/的认证申请正在等待共青团某省委员会确认/)).toBeTruthy();
    expect(screen.queryByText('提交申请')).toBeNull();
    const mine = await callAs<EnterpriseView[]>(DEMO.applicant, 'need', { action: 'myEnterprises' });
    expect(mine).toEqual([expect.objectContaining({ name: '华芯测试装备有限公司', status: 'pending', leagueOrgId: 'org-league-prov' })]);
  });
});

describe('输入邀请码', () => {
  it('refuses a code of the wrong length at the field without asking the server', async () => {
    signInAs(DEMO.newcomer);
    render(<RedeemRoleCodePage />);
    await typeInto('如 ABCD-EFGH-JKLM', 'abc-def');
    await act(async () => tapButton('确认绑定'));
    expect(within(rowOf('邀请码')).getByText(/^邀请码是 12 位字母或数字/)).toBeTruthy();
    expect(backend.calls).not.toContain('need.redeemCode');
  });

  it('binds the newcomer with an enterprise code typed in lower case with spaces and dashes, then offers 我的需求', async () => {
    const issued = await callAs<IssuedRoleCode>(DEMO.organizer, 'need', {
      action: 'issueCode',
      orgId: 'org-league-prov',
      kind: 'enterprise',
      enterpriseName: '省新能源汽车研究院',
    });
    const letters = issued.code.replace(/-/g, '').toLowerCase();
    signInAs(DEMO.newcomer);
    render(<RedeemRoleCodePage />);
    await typeInto('如 ABCD-EFGH-JKLM', `${letters.slice(0, 4)} ${letters.slice(4, 8)}-${letters.slice(8)}`);
    await act(async () => tapButton('确认绑定'));

    await waitFor(() => expect(screen.getByText('已绑定为企业联系人')).toBeTruthy());
    expect(screen.getByText(/省新能源汽车研究院/)).toBeTruthy();
    await act(async () => tapButton('我的需求'));
    expect(redirect).toHaveBeenCalledWith({ url: '/packages/need/mine/index' });
    const mine = await callAs<EnterpriseView[]>(DEMO.newcomer, 'need', { action: 'myEnterprises' });
    expect(mine).toEqual([expect.objectContaining({ name: '省新能源汽车研究院', status: 'active' })]);

    // The code was used once: someone else typing it is refused, and the reason stays beside the field.
    cleanup();
    signInAs(DEMO.memberB);
    render(<RedeemRoleCodePage />);
    await typeInto('如 ABCD-EFGH-JKLM', issued.code);
    await act(async () => tapButton('确认绑定'));
    await waitFor(() => expect(rowOf('邀请码').querySelector('.kc-form-row__error')?.textContent).toMatch(/已.*使用/));
    expect(screen.queryByText('已绑定为企业联系人')).toBeNull();
  });
});

describe('企业需求', () => {
  it('lists the public needs, not drafts, and finds one by keyword', async () => {
    signInAs(DEMO.memberB);
    render(<NeedBoardPage />);
    await waitFor(() => expect(screen.getByText('动力电池管理系统 SOC 估算精度提升')).toBeTruthy());
    expect(screen.getByText('车载激光雷达点云实时分割')).toBeTruthy();
    expect(screen.queryByText('车载毫米波雷达抗干扰算法')).toBeNull();
    const card = screen.getByText('动力电池管理系统 SOC 估算精度提升').closest('.kc-need-card') as HTMLElement;
    expect(within(card).getByText(/新能源 · 省汽车电子集团/)).toBeTruthy();
    expect(within(card).getByText('· 预算 50–100万元')).toBeTruthy();

    const search = await fieldFor('搜索需求名称或企业');
    fireEvent.input(search, { target: { value: '激光雷达' } });
    await act(async () => fireEvent.keyDown(search, { key: 'Enter', keyCode: 13 }));
    await waitFor(() => expect(screen.queryByText('动力电池管理系统 SOC 估算精度提升')).toBeNull());
    expect(screen.getByText('车载激光雷达点云实时分割')).toBeTruthy();
  });
});
