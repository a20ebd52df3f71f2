/**
 * 企业点单 → 揭榜挂帅 → 成果转化, the whole line in the demo world on its own host (whose dispatch
 * recomputes the dashboards' rollups on every run): the enterprise contact posts a need, the
 * organizer takes it and turns it into a 征榜 draft, the enterprise confirms the commitments and an
 * invited expert approves, the organizer publishes, team A claims and wins, its leader records the
 * technology contract, the enterprise confirms it, and the contract shows on the dashboard, on the
 * need's whole line and in a feedback letter.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../host.mjs';
import { assert, confirmModal, fill, giveReason, open, openTab, pick, see, shot, signIn, tap, visible } from './app.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TITLE = '电驱系统碳化硅模块寿命预测';
const TEAM_A = '车规级芯片青年突击队';
const CONTRACT = '2026-3301-0777';

/** The text of the first element matching a selector, once it shows. */
async function textOf(page, selector) {
  const element = page.locator(selector).locator('visible=true').first();
  await element.waitFor();
  return (await element.innerText()).trim();
}

/** A code shown once in big letters (ABCD-EFGH-JKLM), read off the page as the person would copy it. */
async function shownCode(page) {
  await page.waitForFunction(() => /[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/.test(document.body.innerText));
  return (await page.locator('body').innerText()).match(/[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}/)[0];
}

async function theWholeLine(env) {
  // 1. The enterprise contact (钱工, 省汽车电子集团) posts a need from 我的 → 我的需求.
  const enterprise = await signIn(env, 'demo-issuer');
  await openTab(enterprise, env, '我的');
  await tap(enterprise, '我的需求');
  await tap(enterprise, '发布需求');
  await fill(enterprise, '一句话说清要解决的问题', TITLE);
  await pick(enterprise, '请选择领域', '新能源');
  await fill(enterprise, '遇到了什么问题，现在做到什么程度，卡在哪里', '碳化硅功率模块在高温循环下寿命离散，整车厂无法给出质保年限。');
  await fill(enterprise, '希望达到的可衡量指标，如：估算误差 ≤ 2%', '寿命预测误差 ≤ 10%，覆盖 -40℃ 至 150℃ 工况');
  await fill(enterprise, '如：12 个月', '10 个月');
  await shot(enterprise, env, 'needs-01-enterprise-form');
  await tap(enterprise, '提交');
  await confirmModal(enterprise, '允许');
  await confirmModal(enterprise, '提交');
  await see(enterprise, '待接单');
  await see(enterprise, TITLE);

  // 2. The organizer (王敏) finds it in 需求接单, takes it and turns it into a 征榜 draft.
  const organizer = await signIn(env, 'demo-organizer');
  await open(organizer, env, '/packages/need/queue/index');
  await tap(organizer, TITLE);
  await tap(organizer, '接单');
  await confirmModal(organizer, '接单');
  await see(organizer, '首次回复期限');
  await fill(organizer, '写留言，对方会收到通知', '钱工您好，需求已接单，拟以揭榜挂帅方式征集团队，稍后请确认出题方承诺。');
  await tap(organizer, '发送');
  await see(organizer, '已于');
  await shot(organizer, env, 'needs-02-taken');
  await tap(organizer, '处理');
  await tap(organizer, '转为榜单（征榜）');
  await fill(organizer, '写明这样处理的原因，企业会看到', '需求指标明确、可验收，适合揭榜挂帅。');
  await tap(organizer, '确认处理');
  await confirmModal(organizer, '确认');
  await see(organizer, '发榜前还需：');

  // 3. 征榜: the organizer records the commitments and invites an expert.
  await tap(organizer, '录入承诺');
  await fill(organizer, '如测试车辆、数据、场地、专家', '提供 500 只模块的加速老化数据和台架。');
  await fill(organizer, '如验收后签订技术开发合同', '验收通过后签订技术开发合同。');
  await fill(organizer, '由谁、在哪里、按什么指标验收', '企业试验中心按预测误差验收，专家参与。');
  await tap(organizer, '保存承诺');
  await see(organizer, '等待企业联系人确认');
  await tap(organizer, '邀请专家');
  await fill(organizer, '专家姓名，如：何教授', '吴教授');
  await tap(organizer, '生成征榜评审码');
  const expertCode = await shownCode(organizer);
  await shot(organizer, env, 'needs-03-solicit-organizer');
  const challengeUrl = organizer.url();

  // The enterprise confirms the commitments on the same 征榜 page.
  await enterprise.goto(challengeUrl);
  await enterprise.waitForLoadState('networkidle');
  await tap(enterprise, '确认承诺');
  await confirmModal(enterprise, '确认');
  await see(enterprise, '企业已确认');

  // The expert (a user outside the org and the enterprise) enters the code and approves.
  const expert = await signIn(env, 'demo-newcomer');
  await open(expert, env, '/packages/need/redeem/index');
  await fill(expert, '如 ABCD-EFGH-JKLM', expertCode.toLowerCase());
  await tap(expert, '确认绑定');
  await see(expert, '已绑定为');
  await expert.goto(challengeUrl);
  await expert.waitForLoadState('networkidle');
  await tap(expert, '同意发榜');
  await giveReason(expert, '指标可验收，承诺明确，同意发榜。', '下一步');
  await confirmModal(expert, '同意发榜');
  await see(expert, '已同意');

  // 发榜: only now may the organizer publish.
  await organizer.reload();
  await organizer.waitForLoadState('networkidle');
  await see(organizer, '征榜评审已完成，可以发榜。');
  await tap(organizer, '发榜');
  await confirmModal(organizer, '发榜');
  await see(organizer, '已发榜');
  await shot(organizer, env, 'needs-04-published');
  const challengeId = new URL(challengeUrl.replace('/#', '')).searchParams.get('id');

  // 4. Team A claims it, is selected, and wins.
  const leader = await signIn(env, 'demo-leader-a');
  await open(leader, env, `/packages/challenge/detail/index?id=${challengeId}`);
  await tap(leader, `以「${TEAM_A}」揭榜`);
  await see(leader, '提交揭榜');
  await fill(leader, '技术路线、现有基础、如何达到每项考核指标', '基于物理失效模型与加速老化数据训练寿命预测模型。');
  await fill(leader, '如：原型验证', '模型验证');
  await fill(leader, '可核验的标准，如测试报告达标', '台架验证报告误差达标');
  await tap(leader, '提交揭榜');
  await confirmModal(leader, '允许');
  await see(leader, '待评榜');

  await open(organizer, env, `/packages/challenge/claim/index?challengeId=${challengeId}&teamId=team-demo-chip`);
  await tap(organizer, '入选');
  await confirmModal(organizer, '入选');
  await see(organizer, '攻关中');
  await open(organizer, env, `/packages/challenge/detail/index?id=${challengeId}`);
  await tap(organizer, '结榜');
  await tap(organizer, `${TEAM_A}（节点 0/1）`);
  await fill(organizer, '达成了哪些指标、依据是什么', '台架验证预测误差 8.7%，报告 QC-2026-118。');
  await tap(organizer, '确认结榜');
  await confirmModal(organizer, '结榜');
  await see(organizer, `夺榜：${TEAM_A}`);

  // 5. The leader records the technology contract on the won challenge.
  await open(leader, env, '/packages/transfer/team/index?teamId=team-demo-chip');
  await tap(leader, '登记成果转化');
  await pick(leader, '选择成果或榜单', `榜单：${TITLE}`);
  await tap(leader, '技术服务');
  await fill(leader, '技术合同登记编号', CONTRACT);
  await fill(leader, '合同上的成果方', '华芯微电子有限公司');
  await fill(leader, '合同上的企业', '省汽车电子集团');
  await fill(leader, '整数，单位：元', '800000');
  await see(leader, '= 80 万元');
  await tap(leader, '请选择日期');
  await leader.waitForTimeout(500); // the sheet slides up
  await leader.locator('.weui-picker__action').locator('visible=true').filter({ hasText: '确定' }).last().click({ force: true });
  await see(leader, '签订日期');
  await shot(leader, env, 'needs-05-transfer-form');
  await tap(leader, '登记');
  await confirmModal(leader, '登记');
  await see(leader, '待企业确认');
  await see(leader, '来自企业需求 ›');

  // 6. The enterprise party confirms it.
  await openTab(enterprise, env, '我的');
  await tap(enterprise, '待我确认的成果转化');
  await visible(enterprise, `合同编号 ${CONTRACT}`).click({ force: true });
  await tap(enterprise, '确认');
  await confirmModal(enterprise, '确认');
  await see(enterprise, '确认合同属实，已计入成果转化');
  await shot(enterprise, env, 'needs-06-transfer-confirmed');

  // The enterprise sees every step on its need, and the whole line with the confirmed amount.
  await openTab(enterprise, env, '我的');
  await tap(enterprise, '我的需求');
  await tap(enterprise, TITLE);
  await see(enterprise, '已转为榜单');
  await tap(enterprise, '查看全程：从需求到榜单、成果与转化');
  await see(enterprise, '80 万元');
  await see(enterprise, CONTRACT);
  await shot(enterprise, env, 'needs-07-trace');

  // 7. On the organizer's dashboard (rolled up by dispatch) and in a letter to the party org.
  await open(organizer, env, '/packages/cockpit/dashboard/index');
  for (let attempt = 0; attempt < 20 && !(await visible(organizer, '80 万元').count()); attempt += 1) {
    await organizer.waitForTimeout(500);
    await organizer.reload();
    await organizer.waitForLoadState('networkidle');
  }
  await see(organizer, '企业点单 → 成果转化');
  await see(organizer, '技术合同成交额（已确认）');
  await see(organizer, '80 万元');
  await visible(organizer, '企业点单 → 成果转化').scrollIntoViewIfNeeded();
  await shot(organizer, env, 'needs-08-dashboard');
  const funnel = await textOf(organizer, '.kc-page');
  assert.match(funnel, /成果转化/, '看板应列出成果转化环节');

  await open(organizer, env, '/packages/feedback/compose/index?teamId=team-demo-chip');
  await see(organizer, '随函列出的成果转化（企业方已确认）');
  await see(organizer, `合同编号 ${CONTRACT}`);
  await tap(organizer, '发出反馈函');
  await confirmModal(organizer, '发出');
  await see(organizer, '已送达');
  const party = await signIn(env, 'demo-party-contact');
  await openTab(party, env, '我的');
  await tap(party, '反馈函');
  await tap(party, `「${TEAM_A}」反馈函`);
  await see(party, '成果转化（已确认）');
  await see(party, `合同编号 ${CONTRACT}`);
  await shot(party, env, 'needs-09-letter');
}

export const needScenarios = [
  {
    name: 'a need becomes a reviewed challenge, is won, its contract is confirmed by the enterprise and counted on the dashboard and in a letter',
    async run(env) {
      const host = await startHost(root, { ROLLUP_INTERVAL_MINUTES: '0' });
      try {
        await theWholeLine({ ...env, url: host.url });
      } catch (error) {
        console.log(host.output().slice(-3000));
        throw error;
      } finally {
        await host.stop();
      }
    },
  },
];
