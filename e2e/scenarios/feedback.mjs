/**
 * 沟通反馈 end to end: a notice that asks for 已知悉 is acknowledged by a member and the
 * organizer sees it counted; the organizer issues a letter from confirmed records, the party
 * contact opens and 签收 it, the organizer sees it acknowledged, and anyone verifies it by code.
 */
import { assert, confirmModal, fill, giveReason, open, openTab, see, shot, signIn, switchOn, tap } from './app.mjs';

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
      await switchOn(organizer);
      await shot(organizer, env, '70-notice-form');
      await tap(organizer, '发布通知');
      await confirmModal(organizer, '发布');
      // Earlier scenarios may have added members, so read the count rather than assume it.
      const owed = organizer.getByText(/^未确认（\d+）$/).first();
      await owed.waitFor();
      const before = Number(/（(\d+)）/.exec(await owed.textContent())[1]);
      assert.ok(before >= 4, `expected at least the 4 demo members, saw ${before}`);
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
      await see(organizer, `未确认（${before - 1}）`);
      await open(organizer, env, '/packages/notice/list/index');
      await tap(organizer, '我发布的');
      await see(organizer, NOTICE);
    },
  },
  {
    name: 'the organizer issues a letter, the party contact opens and acknowledges it, and it verifies by code',
    async run(env) {
      const organizer = await signIn(env, 'demo-organizer');
      await open(organizer, env, '/packages/feedback/compose/index?teamId=team-demo-chip');
      await see(organizer, '一种车规级芯片故障注入验证方法');
      await see(organizer, '华芯微电子党委（李航、张晓）');
      await fill(organizer, '简短、据实的说明，不评价、不夸大', '本季度该队专利成果与活动出勤经确认，特此反馈。');
      await shot(organizer, env, '74-letter-compose');
      await tap(organizer, '发出反馈函');
      await confirmModal(organizer, '发出');
      await see(organizer, '已送达');
      await shot(organizer, env, '75-letters-issued');

      const contact = await signIn(env, 'demo-party-contact');
      await openTab(contact, env, '我的');
      await tap(contact, '反馈函');
      await see(contact, '「车规级芯片青年突击队」反馈函');
      await shot(contact, env, '76-contact-letters');
      await tap(contact, '「车规级芯片青年突击队」反馈函');
      await see(contact, '本季度该队专利成果与活动出勤经确认，特此反馈。');
      const code = (
        await contact
          .getByText(/^查验码 [A-Z0-9]{10}$/)
          .first()
          .textContent()
      )
        .replace('查验码 ', '')
        .trim();
      assert.match(code, /^[A-Z0-9]{10}$/);
      await tap(contact, '签收');
      await giveReason(contact, '已收到，将在支部会上通报。', '确认签收');
      await see(contact, '赵立 于');
      await shot(contact, env, '77-letter-acknowledged');

      await open(organizer, env, '/packages/feedback/letters/index?scope=manage');
      await see(organizer, '已签收');
      await shot(organizer, env, '78-letters-acknowledged');

      const reader = await signIn(env, 'demo-newcomer');
      await open(reader, env, `/packages/feedback/verify/index?code=${code}`);
      await see(reader, '各项与当前记录一致');
      await shot(reader, env, '79-letter-verified');
    },
  },
];
