import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEMO } from '../../devcloud/seed';
import LedgerPage from '../../src/packages/contact/ledger';
import TeamContactsPage from '../../src/packages/contact/team';
import { useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const tapButton = (label: string | RegExp) => fireEvent.click(screen.getByText(label).closest('.nut-button') ?? screen.getByText(label));

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

let backend: Backend;
let modal: jest.SpyInstance;

beforeAll(async () => {
  backend = await startBackend();
});
beforeEach(() => {
  backend.calls.length = 0;
  Taro.clearStorageSync();
  jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
  modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
});
afterEach(() => {
  cleanup();
  jest.restoreAllMocks();
});

describe('直接联系 ledger', () => {
  it('opens on the organizer’s own org and current cycle: the chosen team, its last contact and open opinion, and the summary', async () => {
    signInAs(DEMO.organizer);
    routeWith({});
    render(<LedgerPage />);
    await waitFor(() => expect(screen.getByText('共青团某省委员会')).toBeTruthy());
    expect(screen.getByText(/^2025–2026 周期：2025年1月1日 至 2026年12月31日$/)).toBeTruthy();
    expect(screen.getByText('直接联系的队伍（1）')).toBeTruthy();
    const row = screen.getByText('车规级芯片青年突击队').closest('.kc-contact-team') as HTMLElement;
    expect(within(row).getByText(/^最近联系：2026年/)).toBeTruthy();
    expect(within(row).getByText('待办意见 1')).toBeTruthy();
    expect(screen.getByText('名单中的队伍近 90 天内都联系过。')).toBeTruthy();
    await waitFor(() => expect(screen.getByText('周期小结')).toBeTruthy());
    expect(screen.getByText('走访 1', { exact: false })).toBeTruthy();
    expect(backend.calls).toEqual(expect.arrayContaining(['contact.ledger', 'contact.cycleSummary']));
  });

  it('chooses a candidate team, which then waits first as never contacted, and drops it after a reason and a confirmation', async () => {
    signInAs(DEMO.organizer);
    routeWith({ orgId: 'org-league-prov' });
    const { container } = render(<LedgerPage />);
    await waitFor(() => expect(screen.getByText('选择队伍')).toBeTruthy());
    await act(async () => tapButton('选择队伍'));
    fireEvent.click(screen.getByText('大模型推理加速青年突击队（智算研究院团委）'));
    await act(async () => tapButton('加入名单（1）'));
    await waitFor(() => expect(screen.getByText('90 天未联系（1）')).toBeTruthy());
    const waiting = container.querySelector('.kc-contact__stale') as HTMLElement;
    expect(within(waiting).getByText('大模型推理加速青年突击队')).toBeTruthy();
    expect(within(waiting).getByText('尚未联系')).toBeTruthy();
    expect(screen.getByText('直接联系的队伍（2）')).toBeTruthy();

    const rows = [...container.querySelectorAll('.kc-contact__main > .kc-card .kc-contact-team')] as HTMLElement[];
    const teamB = rows.find((row) => within(row).queryByText('大模型推理加速青年突击队')) as HTMLElement;
    await act(async () => fireEvent.click(within(teamB).getByText('移出')));
    const reason = await waitFor(() => {
      const found = document.querySelector('textarea');
      if (!found) throw new Error('no reason field yet');
      return found;
    });
    fireEvent.input(reason, { target: { value: '本周期改由所在单位团委联系' } });
    await act(async () => tapButton('下一步'));
    await waitFor(() => expect(screen.getByText('直接联系的队伍（1）')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '移出名单', content: expect.stringContaining('已有的联系记录保留') }),
    );
    expect(screen.queryByText('90 天未联系（1）')).toBeNull();
    expect(backend.calls).toEqual(expect.arrayContaining(['contact.chooseTeams', 'contact.dropTeam']));
  });

  it('offers to start a cycle where there is none, and shows it once confirmed', async () => {
    signInAs(DEMO.organizer);
    routeWith({ orgId: 'org-league-hx' });
    render(<LedgerPage />);
    await waitFor(() => expect(screen.getByText('还没有直接联系周期')).toBeTruthy());
    await act(async () => tapButton(/^开始新周期$/));
    await act(async () => tapButton('开始周期'));
    await waitFor(() => expect(screen.getByText('直接联系的队伍（0）')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '开始新周期', content: expect.stringContaining('不能删除') }));
    expect(screen.getByText('本周期还没有选择队伍。点「选择队伍」从本组织下已登记的队伍中选择。')).toBeTruthy();
  });
});

describe('a team’s contact records', () => {
  it('shows the leader the records and the opinions’ states, with nothing to change', async () => {
    signInAs(DEMO.leaderA);
    routeWith({ teamId: DEMO.teamA });
    render(<TeamContactsPage />);
    await waitFor(() => expect(screen.getByText('联系记录（1）')).toBeTruthy());
    expect(screen.getByText('走访')).toBeTruthy();
    expect(screen.getByText('希望协调省内车规级芯片可靠性测试场地，缩短送检排队时间。')).toBeTruthy();
    expect(screen.getByText('待办')).toBeTruthy();
    expect(screen.queryByText('记录联系')).toBeNull();
    expect(screen.queryByText(/^标为/)).toBeNull();
  });

  it('keeps a half-filled record on the phone, then saves it with its opinions after a confirmation', async () => {
    signInAs(DEMO.organizer);
    routeWith({ teamId: DEMO.teamA, orgId: 'org-league-prov', cycle: '2025' });
    const first = render(<TeamContactsPage />);
    await waitFor(() => expect(screen.getByText('记录联系')).toBeTruthy());
    await act(async () => tapButton('记录联系'));
    await typeInto('如：王敏、李航', '王敏、张晓');
    first.unmount();

    const { container } = render(<TeamContactsPage />);
    await waitFor(() => expect(screen.getByText('已恢复上次未提交的内容')).toBeTruthy());
    const kind = container.querySelector('.kc-card taro-picker-core') as HTMLElement;
    fireEvent(kind, new CustomEvent('change', { detail: { value: 0 } }));
    await typeInto('一条意见或建议', '建议组织一次可靠性测试培训');
    await act(async () => tapButton('添加'));
    expect(screen.getByText('1. 建议组织一次可靠性测试培训')).toBeTruthy();
    await act(async () => tapButton('保存记录'));
    await waitFor(() => expect(screen.getByText('联系记录（2）')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '保存联系记录', content: expect.stringContaining('1 条意见建议') }),
    );
    expect(screen.getByText('培训研讨')).toBeTruthy();
    expect(screen.getByText('参加人员：王敏、张晓')).toBeTruthy();
    expect(screen.queryByText('已恢复上次未提交的内容')).toBeNull();
    expect(Taro.getStorageSync(`kc.draft.contact.record.${DEMO.teamA}`)).toBeFalsy();
  });

  it('follows an opinion up: a reply marks it replied, and only the step forward is offered after', async () => {
    signInAs(DEMO.organizer);
    routeWith({ teamId: DEMO.teamA, orgId: 'org-league-prov', cycle: '2025' });
    render(<TeamContactsPage />);
    const opinion = await waitFor(
      () => screen.getByText('希望协调省内车规级芯片可靠性测试场地，缩短送检排队时间。').closest('.kc-contact-opinion') as HTMLElement,
    );
    await act(async () => fireEvent.click(within(opinion).getByText('标为已回复').closest('.nut-button') as HTMLElement));
    const reply = await waitFor(() => {
      const found = document.querySelector('.kc-contact-follow textarea');
      if (!found) throw new Error('no reply field yet');
      return found;
    });
    fireEvent.input(reply, { target: { value: '已联系省汽车电子测试中心' } });
    await act(async () => tapButton('确认'));
    await waitFor(() => expect(within(opinion).getByText('答复：已联系省汽车电子测试中心')).toBeTruthy());
    expect(within(opinion).getByText('已回复')).toBeTruthy();
    expect(within(opinion).queryByText('标为已回复')).toBeNull();
    expect(within(opinion).getByText('标为已解决')).toBeTruthy();
    expect(backend.calls).toContain('contact.updateOpinion');
  });
});
