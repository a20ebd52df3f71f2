/**
 * 沟通反馈 end to end: a notice that asks for 已知悉 is acknowledged by a member and the
 * organizer sees it counted.
 */
import { confirmModal, fill, open, openTab, see, shot, signIn, tap } from './app.mjs';

const NOTICE = '关于报送第四季度进展的通知';

export const feedbackScenarios = [
  {
    name: 'a notice with 需确认 is acknowledged by a member and counted for the organizer',
    async run(env) {
      const organizer = await signIn(env, 'demo-organizer');
      await openTab(organizer, env, '我的');
      await tap(organizer, '发布通知');
      await fill(organizer, '如：关于报送季度进展的通知', NOTICE);
      await fill(
        organizer,
        '写清要做什么、何时之前、找谁联系',
        '请各突击队于 12 月 20 日前在「打卡」中补全本季度进展，并核对揭榜节点的凭证。',
      );
      await organizer.locator('.nut-switch').locator('visible=true').first().click({ force: true });
      await shot(organizer, env, '70-notice-form');
      await tap(organizer, '发布通知');
      await confirmModal(organizer, '发布');
      await see(organizer, '未确认（4）');
      await shot(organizer, env, '71-notice-stats');

      const member = await signIn(env, 'demo-member-a');
      await openTab(member, env, '我的');
      await tap(member, '通知');
      await see(member, NOTICE);
      await shot(member, env, '72-notice-list');
      await tap(member, NOTICE);
      await tap(member, '已知悉');
      await see(member, '你已于');
      await shot(member, env, '73-notice-acknowledged');

      await organizer.reload();
      await organizer.waitForLoadState('networkidle');
      await see(organizer, '未确认（3）');
      await open(organizer, env, '/packages/notice/list/index');
      await tap(organizer, '我发布的');
      await see(organizer, NOTICE);
    },
  },
];
