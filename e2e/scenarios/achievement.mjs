/**
 * 成果 end to end: a leader posts an achievement from the team page, the organizer confirms it
 * from the queue and it appears in the 动态 feed; a returned achievement is edited and resubmitted.
 */
import { confirmModal, fill, giveReason, open, openTab, see, shot, signIn, tap } from './app.mjs';

const TITLE = '一种 MCU 锁步核输出比对电路';
const detailRoute = (id) => `/packages/achievement/detail/index?id=${id}`;

export const achievementScenarios = [
  {
    name: 'a leader posts an achievement and the organizer confirms it into the feed',
    async run(env) {
      const page = await signIn(env, 'demo-leader-a');
      await open(page, env, '/packages/team/detail/index?id=team-demo-chip');
      await see(page, '成果（已确认 1 项）');
      await tap(page, '发布成果');
      await see(page, '提交确认');
      await fill(page, '如：一种车规级芯片故障注入验证方法', TITLE);
      await fill(
        page,
        '做成了什么、解决了什么问题、有何可核验的依据；据实写，不夸大',
        '锁步核输出逐拍比对，检测到差异后 2 个周期内进入安全状态，已提交发明专利申请。',
      );
      await fill(page, '如 CN202610123451.7', 'CN202610123453.6');
      await shot(page, env, '60-achievement-form');
      await tap(page, '提交确认');
      await tap(page, '允许');
      await see(page, '尚未确认，不计入队伍成果');
      await shot(page, env, '61-achievement-submitted');

      const organizer = await signIn(env, 'demo-organizer');
      await openTab(organizer, env, '我的');
      await tap(organizer, '待我确认的成果');
      await see(organizer, TITLE);
      await shot(organizer, env, '62-achievement-queue');
      await tap(organizer, TITLE);
      await tap(organizer, '确认成果');
      await confirmModal(organizer, '确认');
      await see(organizer, '王敏 于');
      await shot(organizer, env, '63-achievement-confirmed');

      const reader = await signIn(env, 'demo-newcomer');
      await openTab(reader, env, '动态');
      await see(reader, '典型案例');
      await see(reader, TITLE);
      await shot(reader, env, '64-feed');
      await tap(reader, TITLE);
      await see(reader, 'CN202610123453.6');
      await see(reader, '复制分享链接');
      await shot(reader, env, '65-feed-detail');
    },
  },
  {
    name: 'a returned achievement is edited and resubmitted',
    async run(env) {
      const organizer = await signIn(env, 'demo-organizer');
      await open(organizer, env, detailRoute('ach-demo-pending'));
      await see(organizer, '车规级 MCU 功能安全测试方法团体标准');
      await tap(organizer, '退回');
      await giveReason(organizer, '请补充标准发布公告的编号和发布日期', '确认退回');
      await see(organizer, '已退回');

      const page = await signIn(env, 'demo-leader-a');
      await open(page, env, detailRoute('ach-demo-pending'));
      await see(page, '王敏 退回：请补充标准发布公告的编号和发布日期');
      await shot(page, env, '66-achievement-returned');
      await tap(page, '编辑');
      await see(page, '提交确认');
      await fill(
        page,
        '做成了什么、解决了什么问题、有何可核验的依据；据实写，不夸大',
        '牵头起草车规级 MCU 功能安全测试方法团体标准，2026 年 10 月 15 日由中国电子工业标准化技术协会发布。',
      );
      await tap(page, '提交确认');
      await tap(page, '允许');
      await see(page, '待确认');
      await see(page, '2026 年 10 月 15 日');
      await shot(page, env, '67-achievement-resubmitted');
    },
  },
];
