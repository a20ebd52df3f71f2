/**
 * 打卡 end to end: a member logs progress with evidence (the draft survives a reload, a log made
 * offline waits as 待同步 and goes out when the network returns) and finds it on the team
 * timeline; a member signs in to an event with the organizer's rotating code; a late member's
 * 补签 is approved and shown as make-up, not on-site.
 */
import { assert, confirmModal, fill, giveReason, open, openTab, pick, see, shot, signIn, tap, visible } from './app.mjs';

const eventRoute = (eventId) => `/packages/progress/event/index?id=${eventId}`;

export const progressScenarios = [
  {
    name: 'a member logs progress with evidence and sees it on the team timeline',
    async run(env) {
      const page = await signIn(env, 'demo-member-a');
      await openTab(page, env, '打卡');
      await see(page, '今天的进展');
      await fill(page, '写实际完成的工作和结果，不必凑字数', '完成 MCU 高温老化测试 168 小时，未发现失效。');
      // The draft is on the phone: a reload (or a closed app) loses nothing.
      await page.waitForTimeout(300);
      await page.reload();
      await page.waitForLoadState('networkidle');
      await see(page, '已恢复上次未提交的草稿');
      const restored = await page.locator('textarea').locator('visible=true').first().inputValue();
      assert.equal(restored, '完成 MCU 高温老化测试 168 小时，未发现失效。');
      await pick(page, '无凭证', '检测报告编号');
      await fill(page, '检测报告上的编号', 'HX-TR-2026-131');
      await shot(page, env, '40-progress-form');
      await tap(page, '提交记录');
      await see(page, '今天已记录，修改后再次提交会更新这条记录');

      await tap(page, '队伍进展');
      await see(page, '完成 MCU 高温老化测试 168 小时，未发现失效。');
      await see(page, 'HX-TR-2026-131');
      await see(page, '搭建高低温循环测试台，完成 -40℃～125℃ 标定。');
      await shot(page, env, '41-team-timeline');
      await tap(page, '本周小结 ›');
      await see(page, '新增凭证');
      await see(page, 'HX-TR-2026-131');
      await shot(page, env, '42-weekly');
    },
  },
  {
    name: 'a log written without network waits as 待同步 and is sent when the network returns',
    async run(env) {
      const page = await signIn(env, 'demo-leader-a');
      await openTab(page, env, '打卡');
      await see(page, '今天的进展');
      await page.context().setOffline(true);
      await fill(page, '写实际完成的工作和结果，不必凑字数', '地铁里写的：故障注入用例补到 420 个。');
      await tap(page, '提交记录');
      await see(page, '待同步（1）');
      await see(page, '地铁里写的：故障注入用例补到 420 个。');
      await shot(page, env, '43-offline-queue');
      await page.context().setOffline(false);
      await visible(page, '待同步（1）').waitFor({ state: 'hidden', timeout: 10000 });
      await open(page, env, '/packages/progress/timeline/index?teamId=team-demo-chip');
      await see(page, '地铁里写的：故障注入用例补到 420 个。');
      await open(page, env, '/packages/progress/calendar/index');
      await see(page, '如实记录无进展');
      await shot(page, env, '44-calendar');
    },
  },
  {
    name: "a member signs in to an event with the organizer's rotating code",
    async run(env) {
      const screen = await signIn(env, 'demo-organizer');
      await open(screen, env, eventRoute('event-demo-training'));
      await see(screen, '查看签到情况');
      const digits = screen.locator('.kc-event__digits');
      await digits.waitFor();
      await shot(screen, env, '45-event-code');
      const code = (await digits.textContent()).trim();
      assert.match(code, /^\d{6}$/);

      const page = await signIn(env, 'demo-member-a');
      await openTab(page, env, '打卡');
      await tap(page, '活动签到');
      await see(page, '青年突击队攻关方法培训');
      await shot(page, env, '46-events');
      await tap(page, '青年突击队攻关方法培训');
      await fill(page, '输入现场屏幕上的 6 位签到码', code);
      await tap(page, '签到');
      await see(page, '现场签到');
      await see(page, '输入签到码签到');
      await shot(page, env, '47-signed-in');
    },
  },
  {
    name: "a late member's make-up is approved and shown as 补签, not on-site",
    async run(env) {
      const page = await signIn(env, 'demo-member-a');
      await open(page, env, eventRoute('event-demo-review'));
      await see(page, '已结束');
      await tap(page, '未能现场签到？申请补签');
      await giveReason(page, '当天在外地做可靠性试验，无法到场', '提交申请');
      await see(page, '补签待审');

      const organizer = await signIn(env, 'demo-organizer');
      await open(organizer, env, `/packages/progress/attendance/index?id=event-demo-review`);
      await see(organizer, '当天在外地做可靠性试验，无法到场');
      await shot(organizer, env, '48-attendance-pending');
      await tap(organizer, '通过补签');
      await confirmModal(organizer, '通过');
      await see(organizer, '补签原因：当天在外地做可靠性试验，无法到场');
      await visible(organizer, '通过补签').waitFor({ state: 'hidden' });
      await shot(organizer, env, '49-attendance-approved');

      await open(page, env, eventRoute('event-demo-review'));
      await see(page, '我的签到');
      assert.equal(
        await page
          .locator('.nut-tag')
          .filter({ hasText: /^补签$/ })
          .count(),
        1,
      );
      assert.equal(await page.locator('.nut-tag').filter({ hasText: '现场签到' }).count(), 0);
      await shot(page, env, '50-makeup-approved');
    },
  },
];
