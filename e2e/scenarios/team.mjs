/**
 * The foundation flow: a new user completes a profile and applies to form a team, the organizer
 * approves it, another user joins with the invite code and sees the team.
 */
import { fileURLToPath } from 'node:url';
import { assert, confirmModal, fill, open, openTab, pick, see, shot, signIn, tap } from './app.mjs';

const TEAM = '氢能储运青年突击队';
const AVATAR = fileURLToPath(new URL('../../src/assets/tab-me-on.png', import.meta.url));

export const teamScenarios = [
  {
    name: 'a new user fills in a profile and applies to form a team',
    async run(env) {
      const page = await signIn(env, 'new');
      await openTab(page, env, '我的');
      await see(page, '未设置姓名');
      await see(page, '还没有加入突击队');
      await shot(page, env, '01-me-new-user');
      await tap(page, '编辑资料');
      await see(page, '真实姓名');
      const [chooser] = await Promise.all([
        page.waitForEvent('filechooser'),
        page.locator('.kc-profile__avatar .nut-avatar').click({ force: true }),
      ]);
      await chooser.setFiles(AVATAR);
      await fill(page, '队伍和团组织看到的姓名', '郑一帆');
      await fill(page, '单位全称', '华芯微电子有限公司');
      await shot(page, env, '02-profile');
      await tap(page, '保存');
      await see(page, '郑一帆');
      const avatar = await page.locator('.kc-me__profile img').getAttribute('src');
      assert.match(avatar, /^\/storage\/uploads\//);
      assert.equal((await page.request.get(`${env.url}${avatar}`)).status(), 200);

      await tap(page, '申请组建');
      await see(page, '提交申请');
      await fill(page, '如：车规级芯片青年突击队', TEAM);
      await pick(page, '请选择领域', '新能源');
      await pick(page, '负责备案的团组织', '华芯微电子团委');
      await pick(page, '所在单位的党组织', '华芯微电子党委');
      await fill(page, '攻关方向、目标和现有基础（选填）', '攻关 70MPa 储氢瓶阀门国产化。');
      await shot(page, env, '03-apply-form');
      await tap(page, '提交申请');
      await see(page, '本地云模拟微信订阅弹窗');
      await shot(page, env, '04-subscribe-dialog');
      await tap(page, '允许');
      await see(page, '等待华芯微电子团委审核备案');
      await see(page, '待审核');
      await shot(page, env, '05-team-pending');
      env.shared.applicant = page;
    },
  },
  {
    name: 'the organizer sees the application and approves it',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      await openTab(page, env, '我的');
      await tap(page, '待审核的组建申请');
      await see(page, TEAM);
      await shot(page, env, '06-review-queue');
      const card = page.locator('.kc-team-card', { hasText: TEAM });
      await card.getByText('通过备案').click({ force: true });
      await see(page, '申请人将成为队长');
      await confirmModal(page, '通过');
      await page.locator('.kc-team-card', { hasText: TEAM }).waitFor({ state: 'detached' });
      await shot(page, env, '07-review-done');
    },
  },
  {
    name: 'the applicant is told, leads the registered team and gets an invite code',
    async run(env) {
      const page = env.shared.applicant;
      await page.reload();
      await page.waitForLoadState('networkidle');
      await see(page, '已备案');
      await see(page, '邀请码（成员凭此加入）');
      const code = (await page.locator('.kc-invite__code').innerText()).trim();
      assert.match(code, /^[A-HJ-NP-Z2-9]{6}$/);
      env.shared.code = code;
      await shot(page, env, '08-team-registered');
      await open(page, env, '/packages/user/inbox/index');
      await see(page, `「${TEAM}」备案审核已通过`);
      await shot(page, env, '09-inbox');
    },
  },
  {
    name: 'another user joins with the invite code and sees the team',
    async run(env) {
      const page = await signIn(env, 'demo-newcomer');
      await openTab(page, env, '我的');
      await tap(page, '凭邀请码加入');
      await fill(page, '输入邀请码', env.shared.code.toLowerCase());
      await tap(page, '查找队伍');
      await see(page, TEAM);
      await shot(page, env, '10-join-preview');
      await tap(page, '加入这支队伍');
      await see(page, '成员（2）');
      await see(page, '郑一帆');
      await see(page, '吴桐');
      await shot(page, env, '11-team-joined');
      await openTab(page, env, '我的');
      await see(page, TEAM);
      await see(page, '我是队员');
      await shot(page, env, '12-me-member');
    },
  },
];
