/**
 * 揭榜挂帅 end to end: the organizer publishes a race, two teams claim it, both are selected,
 * one passes its gate and one is stopped, the organizer closes it with a winner, and the board
 * and both team pages show the outcome.
 */
import { assert, confirmModal, fill, giveReason, open, openTab, pick, see, shot, signIn, tap } from './app.mjs';

const TITLE = '晶圆缺陷智能检测算法攻关';
const TEAM_A = '车规级芯片青年突击队';
const TEAM_B = '大模型推理加速青年突击队';

const detailRoute = (env) => `/packages/challenge/detail/index?id=${env.shared.challengeId}`;
const claimRoute = (env, teamId) => `/packages/challenge/claim/index?challengeId=${env.shared.challengeId}&teamId=${teamId}`;

async function claimAs(env, openid, team) {
  const page = await signIn(env, openid);
  await openTab(page, env, '榜单');
  await tap(page, TITLE);
  await tap(page, `以「${team}」揭榜`);
  await see(page, '提交揭榜');
  await fill(page, '技术路线、现有基础、如何达到每项考核指标', '基于自研缺陷样本库训练轻量检测模型，部署到产线 AOI 设备。');
  await fill(page, '如：原型验证', '产线试运行');
  await fill(page, '可核验的标准，如测试报告达标', '产线检出率报告达标');
  return page;
}

async function submitGate(env, openid, teamId, summary, reference) {
  const page = await signIn(env, openid);
  await open(page, env, claimRoute(env, teamId));
  await see(page, '节点 1：产线试运行');
  await fill(page, '这个节点做成了什么（必填）', summary);
  await fill(page, '可核验的依据：报告编号、专利申请号、链接等', reference);
  await tap(page, '提交节点');
  await see(page, '待评审');
  return page;
}

export const challengeScenarios = [
  {
    name: 'the organizer drafts and publishes a race on the board',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      await openTab(page, env, '榜单');
      await see(page, '车规级 MCU 功能安全验证平台');
      await shot(page, env, '20-board');
      await tap(page, '发布榜单');
      await see(page, '存为草稿');
      await fill(page, '一句话说清攻关需求', TITLE);
      await pick(page, '请选择领域', '集成电路');
      await fill(page, '提出需求的单位', '省半导体产业联盟');
      await fill(page, '出题单位联系人', '周工');
      await fill(page, '现状、痛点和为什么要攻关', '晶圆表面缺陷人工复检占用大量人力，漏检率偏高，需要国产智能检测算法。');
      await fill(page, '指标 1，如：故障注入覆盖率', '缺陷检出率');
      await fill(page, '目标值，如 ≥ 99', '≥ 99.5');
      await fill(page, '单位', '%');
      await fill(page, '需要交付什么，如样机、报告、源代码', '检测算法、产线部署报告');
      await shot(page, env, '21-publish-form');
      await tap(page, '存为草稿');
      await see(page, '出题单位评审码');
      await see(page, '草稿');
      await tap(page, '立即发榜');
      await confirmModal(page, '发榜');
      await see(page, '揭榜中');
      env.shared.challengeId = new URL(page.url().replace('/#/', '/')).searchParams.get('id');
      assert.ok(env.shared.challengeId, 'challenge id in the detail page URL');
      await shot(page, env, '22-published');
    },
  },
  {
    name: 'two team leaders claim it',
    async run(env) {
      const a = await claimAs(env, 'demo-leader-a', TEAM_A);
      await shot(a, env, '23-claim-form');
      await tap(a, '提交揭榜');
      await tap(a, '允许');
      await see(a, '待评榜');
      await shot(a, env, '24-claimed');
      const b = await claimAs(env, 'demo-leader-b', TEAM_B);
      await tap(b, '提交揭榜');
      await tap(b, '允许');
      await see(b, '待评榜');
    },
  },
  {
    name: 'the organizer selects both teams',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      for (const teamId of ['team-demo-chip', 'team-demo-ai']) {
        await open(page, env, claimRoute(env, teamId));
        await see(page, '攻关方案');
        await tap(page, '入选');
        await confirmModal(page, '入选');
        await see(page, '攻关中');
      }
      await open(page, env, detailRoute(env));
      await see(page, '揭榜队伍（2）');
      assert.equal(await page.locator('.kc-claim-row').getByText('攻关中', { exact: true }).count(), 2);
      await shot(page, env, '25-both-selected');
    },
  },
  {
    name: 'team A passes its gate and team B is stopped',
    async run(env) {
      const a = await submitGate(env, 'demo-leader-a', 'team-demo-chip', '算法在产线试运行两周，检出率 99.6%。', '检测报告 HX-QA-2026-212');
      await shot(a, env, '26-gate-submitted');
      await submitGate(env, 'demo-leader-b', 'team-demo-ai', '完成模型训练。', '内部记录 ZS-17');
      const page = await signIn(env, 'demo-organizer');
      await open(page, env, claimRoute(env, 'team-demo-chip'));
      await tap(page, '通过');
      await confirmModal(page, '通过');
      await see(page, '已通过');
      await open(page, env, claimRoute(env, 'team-demo-ai'));
      await see(page, '待评审');
      await tap(page, '止步');
      await giveReason(page, '未提供产线实测数据，无法核验检出率', '确认止步');
      await see(page, '已止步');
      await shot(page, env, '27-track-stopped');
    },
  },
  {
    name: 'the organizer closes the race with team A as the winner',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      await open(page, env, detailRoute(env));
      await tap(page, '结榜');
      await see(page, '确认结榜');
      await tap(page, `${TEAM_A}（节点 1/1）`);
      await fill(page, '达成了哪些指标、依据是什么', '产线检出率 99.6%，超过 99.5% 的考核指标，报告 HX-QA-2026-212。');
      await shot(page, env, '28-close-form');
      await tap(page, '确认结榜');
      await confirmModal(page, '结榜');
      await see(page, `夺榜：${TEAM_A}`);
      await shot(page, env, '29-closed');
    },
  },
  {
    name: 'the board and both team pages show the outcome',
    async run(env) {
      const page = await signIn(env, 'demo-newcomer');
      await openTab(page, env, '榜单');
      await tap(page, '已结束');
      await see(page, TITLE);
      await see(page, '已夺榜');
      await shot(page, env, '30-board-closed');
      await open(page, env, '/packages/team/detail/index?id=team-demo-chip');
      await see(page, '揭榜记录（1）');
      await see(page, TITLE);
      await see(page, '夺榜');
      await shot(page, env, '31-team-a-won');
      await open(page, env, '/packages/team/detail/index?id=team-demo-ai');
      await see(page, '揭榜记录（3）');
      await see(page, '已止步');
      await see(page, '未提供产线实测数据，无法核验检出率');
      await shot(page, env, '32-team-b-stopped');
    },
  },
];
