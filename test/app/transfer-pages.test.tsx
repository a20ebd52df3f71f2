import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { DEMO } from '../../devcloud/seed';
import AchievementDetailPage from '../../src/packages/achievement/detail';
import ChallengeDetailPage from '../../src/packages/challenge/detail';
import SolicitPage from '../../src/packages/challenge/solicit';
import TeamDetailPage from '../../src/packages/team/detail';
import TransferDetailPage from '../../src/packages/transfer/detail';
import TransferEditPage from '../../src/packages/transfer/edit';
import InterestsPage from '../../src/packages/transfer/interests';
import LibraryPage from '../../src/packages/transfer/library';
import PendingTransfersPage from '../../src/packages/transfer/pending';
import TeamTransfersPage from '../../src/packages/transfer/team';
import { useUserStore } from '../../src/stores/useUserStore';
import { startBackend, type Backend } from './backend';

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const buttonOf = (label: string | RegExp) => {
  const text = screen.getByText(label);
  return (text.closest('.nut-button') ?? text) as HTMLElement;
};
const tapButton = (label: string | RegExp) => fireEvent.click(buttonOf(label));

/** Taro's input listens to the native field it draws inside itself (once its web component has rendered). */
async function typeInto(placeholder: string | RegExp, value: string) {
  const field = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((element) => ['INPUT', 'TEXTAREA'].includes(element.tagName));
    if (!found) throw new Error(`no field for ${placeholder} yet`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

const nativeField = (placeholder: string) =>
  screen.queryAllByPlaceholderText(placeholder).find((element) => element.tagName === 'INPUT') as HTMLInputElement | undefined;

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

/** One world for the file: each test goes on from what the ones before it did (the issuer confirms, then the library counts it). */
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

describe('登记成果转化', () => {
  it('says an amount in 万元 as it is typed and keeps the form on the phone across a reload', async () => {
    signInAs(DEMO.leaderA);
    routeWith({ teamId: DEMO.teamA, achievementId: DEMO.achievementPatent });
    const first = render(<TransferEditPage />);
    await waitFor(() => expect(screen.getByText('转化方式')).toBeTruthy());
    expect(screen.getByText(/受让方企业确认/)).toBeTruthy();
    // Opened from the patent: it is the basis already.
    expect(screen.getByText('成果：一种车规级芯片故障注入验证方法', { selector: '.kc-select' })).toBeTruthy();
    await typeInto('整数，单位：元', '500000');
    await waitFor(() => expect(screen.getByText('= 50 万元')).toBeTruthy());
    await typeInto('技术合同登记编号', '2026-3301-0099');
    first.unmount();

    render(<TransferEditPage />);
    await waitFor(() => expect(screen.getByText('已恢复上次未提交的内容')).toBeTruthy());
    expect(screen.getByText('= 50 万元')).toBeTruthy();
    await waitFor(() => expect(nativeField('技术合同登记编号')?.value).toBe('2026-3301-0099'));
  });

  it('shows at each field what is missing instead of sending, and records a complete contract after a confirmation', async () => {
    signInAs(DEMO.leaderA);
    routeWith({ teamId: DEMO.teamA, achievementId: DEMO.achievementPatent });
    const redirect = jest.spyOn(Taro, 'redirectTo').mockResolvedValue({ errMsg: 'redirectTo:ok' } as never);
    const { container } = render(<TransferEditPage />);
    await waitFor(() => expect(screen.getByText('转化方式')).toBeTruthy());
    await act(async () => tapButton('登记'));
    expect(screen.getByText('请选择转化方式')).toBeTruthy();
    expect(screen.getByText('请填写合同金额（元）')).toBeTruthy();
    expect(backend.calls).not.toContain('transfer.create');

    fireEvent.click(screen.getByText('技术服务'));
    await typeInto('技术合同登记编号', '2026-3301-0100');
    await typeInto('合同上的成果方', '华芯微电子有限公司');
    await typeInto('合同上的企业', '省汽车电子集团');
    await typeInto('整数，单位：元', '300000');
    const date = [...container.querySelectorAll('taro-picker-core')].at(-1) as HTMLElement;
    fireEvent(date, new CustomEvent('change', { detail: { value: '2026-01-05' } }));
    await act(async () => tapButton('登记'));
    await waitFor(() => expect(redirect).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/packages\/transfer\/detail\/index\?id=/) }));
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '登记成果转化', content: expect.stringContaining('30 万元') }));
    expect(Taro.getStorageSync(`kc.draft.transfer.new.${DEMO.teamA}`)).toBeFalsy();
  });
});

describe('成果转化 lists', () => {
  it('gives the team its transfers with 登记成果转化 for the leader only, none of them added up until confirmed', async () => {
    signInAs(DEMO.leaderA);
    routeWith({ teamId: DEMO.teamA });
    const leader = render(<TeamTransfersPage />);
    await waitFor(() => expect(screen.getByText(/^合同编号 2026-3301-0042/)).toBeTruthy());
    expect(screen.getByText('登记成果转化')).toBeTruthy();
    expect(screen.getByText(/^已确认 0 项；另有 \d+ 项待企业确认，不计入合计$/)).toBeTruthy();
    leader.unmount();

    signInAs(DEMO.memberA);
    render(<TeamTransfersPage />);
    await waitFor(() => expect(screen.getByText(/^合同编号 2026-3301-0042/)).toBeTruthy());
    expect(screen.queryByText('登记成果转化')).toBeNull();
  });

  it('lists for the enterprise contact the transfers waiting for them', async () => {
    signInAs(DEMO.issuer);
    routeWith({});
    render(<PendingTransfersPage />);
    const card = await waitFor(() => screen.getByText(/^合同编号 2026-3301-0042/).closest('.kc-transfer-card') as HTMLElement);
    expect(within(card).getByText('120 万元')).toBeTruthy();
    expect(within(card).getByText(/车规级芯片青年突击队/)).toBeTruthy();
  });
});

describe('成果转化 detail', () => {
  it('shows the leader the confirmation code to hand over with its expiry, and no way to confirm it themselves', async () => {
    signInAs(DEMO.leaderA);
    routeWith({ id: DEMO.transfer });
    const leader = render(<TransferDetailPage />);
    await waitFor(() => expect(screen.getByText('成果转化确认码（只能使用一次）')).toBeTruthy());
    expect(screen.getByText('TRPA-TENT-2345')).toBeTruthy();
    expect(screen.getByText(/^有效期至 \d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/)).toBeTruthy();
    // Who can use it: a contact of the enterprise on the contract, certified under that name.
    expect(screen.getByText(/请把确认码交给受让方「省汽车电子集团」的联系人。对方须先完成企业认证（我的 → 企业认证）/)).toBeTruthy();
    expect(screen.getByText('成果：一种车规级芯片故障注入验证方法 ›')).toBeTruthy();
    expect(screen.queryByText('提出异议')).toBeNull();
    leader.unmount();

    // The code is the leader's to hand over: other members see the record without it.
    signInAs(DEMO.memberA);
    render(<TransferDetailPage />);
    await waitFor(() => expect(screen.getByText('120 万元')).toBeTruthy());
    expect(screen.queryByText('成果转化确认码')).toBeNull();
    expect(screen.queryByText('TRPA-TENT-2345')).toBeNull();
    expect(screen.getByText(/等待受让方企业确认/)).toBeTruthy();
  });

  it('offers the enterprise contact 确认, and after a confirmation shows it confirmed', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.transfer });
    render(<TransferDetailPage />);
    await waitFor(() => expect(screen.getByText('确认')).toBeTruthy());
    expect(screen.getByText('120 万元')).toBeTruthy();
    expect(screen.getByText('待企业确认')).toBeTruthy();
    expect(screen.getByText('提出异议')).toBeTruthy();
    // The code is for the team to hand over; the enterprise never needs to see it.
    expect(screen.queryByText('成果转化确认码')).toBeNull();
    await act(async () => tapButton('确认'));
    await waitFor(() => expect(screen.getByText('已确认')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认成果转化' }));
    expect(screen.queryByText('提出异议')).toBeNull();
    expect(screen.getByText(/确认合同属实，已计入成果转化/)).toBeTruthy();
  });
});

describe('科技成果库', () => {
  it('lists the confirmed patent and lets the enterprise contact send an interest', async () => {
    signInAs(DEMO.issuer);
    routeWith({});
    render(<LibraryPage />);
    const card = await waitFor(() => screen.getByText('一种车规级芯片故障注入验证方法').closest('.kc-library-item') as HTMLElement);
    expect(within(card).getByText('车规级芯片青年突击队', { exact: false })).toBeTruthy();
    // 钱工 confirmed the patent's license above: only that confirmed one is counted.
    expect(within(card).getByText('已转化 1 项')).toBeTruthy();
    const offer = await waitFor(() => within(card).getByText('表达合作意向'));
    await act(async () => fireEvent.click(offer.closest('.nut-button') as HTMLElement));
    await typeInto(/想怎样合作/, '希望洽谈该方法在车身控制器产线上的授权许可。');
    await act(async () => tapButton('发送'));
    await waitFor(() => expect(backend.calls).toContain('transfer.interest'));
    await waitFor(() =>
      expect(Taro.showModal).toHaveBeenCalledWith(
        expect.objectContaining({ title: '已发送', content: expect.stringContaining('转达团队') }),
      ),
    );
  });

  it('tells someone who is no enterprise contact how to become one', async () => {
    signInAs(DEMO.memberB);
    routeWith({});
    render(<LibraryPage />);
    await waitFor(() => expect(screen.getByText('一种车规级芯片故障注入验证方法')).toBeTruthy());
    await waitFor(() => expect(screen.getByText('成为企业联系人 ›')).toBeTruthy());
    expect(screen.queryByText('表达合作意向')).toBeNull();
  });
});

describe('links along the line', () => {
  it('leads from a need-born draft to its 征榜 review and back to the need', async () => {
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.challengeSolicit });
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    render(<ChallengeDetailPage />);
    await waitFor(() => expect(screen.getByText('征榜评审')).toBeTruthy());
    expect(screen.getByText(/^发榜前还需：/)).toBeTruthy();
    expect(buttonOf('立即发榜').className).toContain('nut-button-disabled');
    fireEvent.click(screen.getByText('征榜评审'));
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/challenge/solicit/index?id=${DEMO.challengeSolicit}` });
    fireEvent.click(screen.getByText('来自企业需求 ›'));
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/need/detail/index?id=${DEMO.needSolicit}` });
  });

  it('offers the leader 登记成果转化 on a confirmed achievement, and the team its 成果转化 entry', async () => {
    signInAs(DEMO.leaderA);
    const navigate = jest.spyOn(Taro, 'navigateTo').mockResolvedValue({ errMsg: 'navigateTo:ok' } as never);
    routeWith({ id: DEMO.achievementPatent });
    const achievement = render(<AchievementDetailPage />);
    await waitFor(() => expect(screen.getByText('登记成果转化')).toBeTruthy());
    tapButton('登记成果转化');
    expect(navigate).toHaveBeenCalledWith({
      url: `/packages/transfer/edit/index?teamId=${DEMO.teamA}&achievementId=${DEMO.achievementPatent}`,
    });
    achievement.unmount();

    routeWith({ id: DEMO.teamA });
    render(<TeamDetailPage />);
    await waitFor(() => expect(screen.getByText('成果转化')).toBeTruthy());
    fireEvent.click(screen.getByText('成果转化'));
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/transfer/team/index?teamId=${DEMO.teamA}` });
  });

  it('does not offer 登记成果转化 to a member who does not lead the team', async () => {
    signInAs(DEMO.memberA);
    routeWith({ id: DEMO.achievementPatent });
    render(<AchievementDetailPage />);
    await waitFor(() => expect(screen.getByText('确认记录')).toBeTruthy());
    expect(screen.queryByText('登记成果转化')).toBeNull();
  });
});

describe('征榜评审', () => {
  it('shows the organizer what stands before 发榜, with 发榜 disabled', async () => {
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.challengeSolicit });
    render(<SolicitPage />);
    await waitFor(() => expect(screen.getByText('发榜前还需：')).toBeTruthy());
    expect(screen.getByText('· 企业确认出题方承诺')).toBeTruthy();
    expect(screen.getByText('· 何教授评审通过')).toBeTruthy();
    expect(buttonOf(/^发榜$/).className).toContain('nut-button-disabled');
    expect(screen.getByText('编辑榜单')).toBeTruthy();
    expect(screen.getByText('邀请专家')).toBeTruthy();
    expect(screen.queryByText('同意发榜')).toBeNull();
  });

  it('offers the bound expert 同意发榜 and records the verdict', async () => {
    signInAs(DEMO.expert);
    routeWith({ id: DEMO.challengeSolicit });
    render(<SolicitPage />);
    await waitFor(() => expect(screen.getByText('同意发榜')).toBeTruthy());
    expect(screen.getByText('退回修改')).toBeTruthy();
    expect(screen.queryByText('邀请专家')).toBeNull();
    expect(screen.queryByRole('button', { name: /^发榜$/ })).toBeNull();
    await act(async () => tapButton('同意发榜'));
    await act(async () => tapButton('下一步'));
    await waitFor(() => expect(backend.calls).toContain('challenge.expertReview'));
    await waitFor(() => expect(screen.queryByText('· 何教授评审通过')).toBeNull());
  });

  it('lets the enterprise contact confirm the commitments, after which the organizer may publish', async () => {
    signInAs(DEMO.issuer);
    routeWith({ id: DEMO.challengeSolicit });
    const issuer = render(<SolicitPage />);
    await waitFor(() => expect(screen.getByText('确认承诺')).toBeTruthy());
    expect(screen.queryByText('修改承诺')).toBeNull();
    await act(async () => tapButton('确认承诺'));
    await waitFor(() => expect(screen.getByText('企业已确认')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认出题方承诺' }));
    issuer.unmount();

    // The expert approved in the test above: nothing stands before 发榜 now.
    signInAs(DEMO.organizer);
    render(<SolicitPage />);
    await waitFor(() => expect(screen.getByText('征榜评审已完成，可以发榜。')).toBeTruthy());
    expect(buttonOf(/^发榜$/).className).not.toContain('nut-button-disabled');
    await act(async () => tapButton(/^发榜$/));
    await waitFor(() => expect(screen.getByText('已发榜，征榜评审记录保留在此。')).toBeTruthy());
    expect(screen.queryByText('编辑榜单')).toBeNull();
  });
});

describe('合作意向', () => {
  it('shows the organizer an enterprise’s interest with its contact, and forwards it to the team after a confirmation', async () => {
    signInAs(DEMO.organizer);
    routeWith({});
    render(<InterestsPage />);
    const card = await waitFor(
      () => screen.getByText('希望了解该专利在车身控制器上的授权许可条件。').closest('.kc-interest') as HTMLElement,
    );
    expect(within(card).getByText('省汽车电子集团')).toBeTruthy();
    expect(within(card).getByText('待团组织转达')).toBeTruthy();
    await act(async () => fireEvent.click(within(card).getByText('转达团队').closest('.nut-button') as HTMLElement));
    await typeInto('给队长的说明（选填）', '请与钱工联系');
    await act(async () => tapButton('下一步'));
    await waitFor(() => expect(within(card).getByText('已转达团队')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '转达团队', content: expect.stringContaining('车规级芯片青年突击队') }),
    );
    expect(within(card).getByText(/转达团队：请与钱工联系$/)).toBeTruthy();
    expect(within(card).queryByText('转达团队')).toBeNull();
  });
});

describe('inviting an expert', () => {
  it('shows the new expert’s code once, with the slot waiting for it to be bound', async () => {
    backend = await startBackend(); // a fresh world: the draft above has been published
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.challengeSolicit });
    render(<SolicitPage />);
    await waitFor(() => expect(screen.getByText('邀请专家')).toBeTruthy());
    await act(async () => tapButton('邀请专家'));
    await typeInto('专家姓名，如：何教授', '李研究员');
    await act(async () => tapButton('生成征榜评审码'));
    await waitFor(() => expect(screen.getByText(/^征榜评审码只显示这一次/)).toBeTruthy());
    expect(screen.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText('· 李研究员用评审码绑定')).toBeTruthy());
    expect(screen.getByText('待绑定征榜评审码')).toBeTruthy();
  });

  it('gives an unbound expert a fresh code in the same slot, and removes an expert with a reason after a confirmation', async () => {
    signInAs(DEMO.organizer);
    routeWith({ id: DEMO.challengeSolicit });
    render(<SolicitPage />);
    // Only the expert who has not bound (李研究员, invited above) gets a fresh code; each expert can be removed.
    await waitFor(() => expect(screen.getByText('重新生成评审码')).toBeTruthy());
    expect(screen.getAllByText('移除')).toHaveLength(2);
    await act(async () => tapButton('重新生成评审码'));
    await waitFor(() => expect(screen.getByText(/^征榜评审码只显示这一次/)).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '重新生成评审码', content: expect.stringContaining('李研究员') }));
    await waitFor(() => expect(backend.calls.filter((call) => call === 'challenge.inviteExpert')).toHaveLength(1));
    expect(screen.getAllByText('· 李研究员用评审码绑定')).toHaveLength(1);

    const row = screen.getByText('李研究员').closest('.kc-solicit__expert') as HTMLElement;
    await act(async () => fireEvent.click(within(row).getByText('移除').closest('.nut-button') as HTMLElement));
    await typeInto('请填写移除原因', '专家时间冲突');
    await act(async () => tapButton('下一步'));
    await waitFor(() => expect(backend.calls).toContain('challenge.removeExpert'));
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '移除评审专家', content: expect.stringContaining('李研究员') }));
    await waitFor(() => expect(screen.queryByText('李研究员')).toBeNull());
    expect(screen.getByText('何教授')).toBeTruthy();
  });
});
