/**
 * The key flows, tapped and typed through the rendered tree of the compiled mini program, each
 * asserted on what the user sees and on the cloud's records afterwards.
 */
import { DEMO } from './demo.mjs';

const FLOWS = [
  {
    name: '成员记录带凭证的进展（勾选框显示勾）',
    as: 'memberA',
    async run(app) {
      const page = await app.open('pages/progress/index');
      await page.waitFor('今天的进展');
      const box = () => page.find('今日无进展').closest('.main--nut-checkbox');
      await page.tap('今日无进展');
      assertTick(box(), true, '勾选「今日无进展」后');
      await page.tap('今日无进展');
      assertTick(box(), false, '取消「今日无进展」后');
      await page.input('做了什么、有什么变化', '完成车规 MCU 故障注入用例 42 条，覆盖率 91%');
      await page.pick('凭证类型', 2); // EVIDENCE_KINDS[2] = doi
      await page.waitFor('DOI');
      await page.input('DOI', '10.1109/TVLSI.2026.3312345');
      await page.tap('提交记录');
      await page.waitFor('今天已记录');
      const logs = await find(app, 'progress', { teamId: DEMO.teamA, userId: DEMO.memberA });
      const today = logs.sort((a, b) => b.dayKey - a.dayKey)[0];
      expect(today?.content === '完成车规 MCU 故障注入用例 42 条，覆盖率 91%', `记录内容：${today?.content}`);
      expect(
        today.evidence.kind === 'doi' && today.evidence.ref === '10.1109/TVLSI.2026.3312345',
        `凭证：${JSON.stringify(today.evidence)}`,
      );
      expect(today.noProgress === false, '「今日无进展」应未勾选');
      expect(app.wx.toasts.includes('已记录'), `提示：${app.wx.toasts}`);
      page.close();
    },
  },
  {
    name: '队长揭榜（订阅授权、成员勾选）',
    as: 'leaderA',
    async run(app) {
      const page = await openClaimForm(app);
      const member = () => page.find('张晓').closest('.main--nut-checkbox');
      assertTick(member(), true, '成员默认全选');
      await page.tap('张晓');
      assertTick(member(), false, '取消张晓后');
      await page.tap('张晓');
      assertTick(member(), true, '重新勾选张晓后');
      await page.input('攻关方案', '基于故障注入平台扩展 ISO 26262 ASIL-D 验证用例，三个月完成原型。');
      await page.input('节点名称', '原型验证');
      await page.input('验收标准', '第三方检测报告达标');
      await page.tap('提交揭榜');
      const claim = await get(app, 'claims', `${DEMO.challengeRace}_${DEMO.teamA}`);
      expect(claim, '揭榜记录未写入');
      expect(
        claim.plan.memberIds.includes(DEMO.memberA) && claim.plan.memberIds.includes(DEMO.leaderA),
        `参与成员：${claim.plan.memberIds}`,
      );
      expect(claim.plan.milestones[0]?.title === '原型验证', `节点：${JSON.stringify(claim.plan.milestones)}`);
      const asked = app.wx.apis.filter((api) => api === 'recordConsent');
      expect(
        app.calls.some((call) => call.fn === 'message' && call.action === 'recordConsent' && call.ok),
        `订阅授权未记录：${JSON.stringify(asked)}`,
      );
      expect(
        app.wx.navigations.some((url) => url.startsWith('/packages/challenge/claim/index')),
        `跳转：${app.wx.navigations}`,
      );
      page.close();
    },
  },
  {
    name: '团组织管理员确认成果',
    as: 'organizer',
    async run(app) {
      const queue = await app.open('packages/achievement/review/index');
      await queue.waitFor('车规级 MCU 功能安全测试方法团体标准');
      queue.close();
      const page = await app.open('packages/achievement/detail/index', { id: DEMO.achievementPending });
      await page.waitFor('确认成果');
      await page.tap('确认成果');
      expect(
        app.wx.modals.some((modal) => modal.title === '确认成果' && modal.content.includes('动态中公开')),
        '确认前应说明会发生什么',
      );
      const achievement = await get(app, 'achievements', DEMO.achievementPending);
      expect(achievement.status === 'confirmed', `状态：${achievement.status}`);
      expect(achievement.confirmation?.by === DEMO.organizer, `确认人：${JSON.stringify(achievement.confirmation)}`);
      await page.waitFor('王敏 于');
      page.close();
    },
  },
  {
    name: '队员打开需确认的通知并点「已知悉」',
    as: 'memberA',
    async run(app) {
      const page = await app.open('packages/notice/detail/index', { id: DEMO.notice });
      await page.waitFor('已知悉');
      await page.tap('已知悉');
      await page.waitFor('确认知悉');
      const receipt = await get(app, 'noticeReads', `${DEMO.notice}_${DEMO.memberA}`);
      expect(receipt.readAt && receipt.ackAt, `回执：${JSON.stringify(receipt)}`);
      page.close();
    },
  },
  {
    name: '资料：必填项为空或过长时逐项提示，不说「已保存」',
    as: 'leaderA',
    async run(app) {
      const page = await app.open('packages/user/profile/index');
      await page.waitFor('真实姓名');
      await page.input('真实姓名', '');
      await page.input('所在单位', '');
      await page.tap('保存');
      await page.waitFor('请填写真实姓名');
      expect(page.has('请填写所在单位'), '所在单位的错误应显示在它旁边');
      expect(!app.wx.toasts.includes('已保存'), `不应提示已保存：${app.wx.toasts}`);
      await page.input('真实姓名', '李'.repeat(60));
      await page.input('所在单位', '华芯微电子有限公司');
      await page.tap('保存');
      await page.waitFor('真实姓名最多 20 个字');
      const user = await get(app, 'users', DEMO.leaderA);
      expect(user.realName === '李航' && user.unitName === '华芯微电子有限公司', `资料不应被改动：${user.realName} / ${user.unitName}`);
      page.close();
    },
  },
  {
    name: '揭榜：先检查填写，有误时不弹订阅授权',
    as: 'leaderA',
    async run(app) {
      const page = await openClaimForm(app);
      const asked = () => app.wx.apis.filter((api) => api === 'requestSubscribeMessage').length;
      const before = { asked: asked(), claims: (await app.db.collection('claims').count()).total };
      await page.tap('提交揭榜');
      await page.waitFor('攻关方案至少 10 个字');
      expect(page.has('节点名称至少 2 个字'), '每个有误的字段都应在旁边提示');
      expect(asked() === before.asked, '填写有误时不应请求订阅授权');
      expect((await app.db.collection('claims').count()).total === before.claims, '不应写入揭榜');
      page.close();
    },
  },
  {
    name: '备案「确认无变化」后，返回的队伍页不再显示待更新备案',
    as: 'leaderB',
    async run(app) {
      const team = await app.open('packages/team/detail/index', { id: DEMO.teamB });
      await team.waitFor('待更新备案');
      const refresh = await app.open('packages/team/refresh/index', { id: DEMO.teamB });
      await refresh.waitFor('确认无变化');
      await refresh.tap('确认无变化');
      expect(app.wx.navigations.includes('back'), `应返回队伍页：${app.wx.navigations}`);
      refresh.close();
      await team.show();
      expect(!team.has('待更新备案'), `队伍页仍显示待更新备案：${team.text().slice(0, 200)}`);
      team.close();
    },
  },
  {
    name: '组建申请：填到一半关掉，再打开时恢复；清空重填后不再恢复',
    as: 'applicant',
    async run(app) {
      let page = await reopenAfterTyping(app, 'packages/team/apply/index', {
        队伍名称: '高温合金青年突击队',
        所在单位: '华芯微电子有限公司',
      });
      expect(page.valueOf('队伍名称') === '高温合金青年突击队', `队伍名称应恢复：${page.valueOf('队伍名称')}`);
      await page.tap('清空重填');
      expect(page.valueOf('队伍名称') === '' && !page.has('已恢复上次未提交的内容'), '清空后应回到空白表单');
      page.close();
      page = await app.open('packages/team/apply/index');
      expect(!page.has('已恢复上次未提交的内容'), '清空后再打开不应恢复');
      page.close();
    },
  },
  {
    name: '通知：写到一半关掉，再打开时恢复标题与内容',
    as: 'organizer',
    async run(app) {
      const page = await reopenAfterTyping(app, 'packages/notice/edit/index', {
        标题: '关于报送季度进展的通知',
        内容: '请各队于月底前在小程序中记录本季度进展。',
      });
      expect(page.valueOf('标题') === '关于报送季度进展的通知', `标题应恢复：${page.valueOf('标题')}`);
      expect(page.valueOf('内容') === '请各队于月底前在小程序中记录本季度进展。', `内容应恢复：${page.valueOf('内容')}`);
      page.close();
    },
  },
  {
    name: '企业联系人提交需求草稿：先确认，提交后待接单，团组织收到',
    as: 'issuer',
    async run(app) {
      const page = await app.open('packages/need/detail/index', { id: DEMO.needDraft });
      await page.waitFor('车载毫米波雷达抗干扰算法');
      await page.tap('提交');
      expect(
        app.wx.modals.some((modal) => modal.title === '提交需求' && modal.content.includes('接单前仍可修改')),
        `提交前应说明会发生什么：${JSON.stringify(app.wx.modals)}`,
      );
      await page.waitFor('待接单');
      const need = await get(app, 'needs', DEMO.needDraft);
      expect(need.status === 'submitted' && need.submittedAt, `状态：${need.status}`);
      const told = await find(app, 'inbox', { userId: DEMO.organizer });
      expect(
        told.some((item) => item.body.includes('车载毫米波雷达抗干扰算法')),
        `团组织管理员应收到新需求：${told.map((item) => item.body).join(' / ')}`,
      );
      page.close();
    },
  },
  {
    name: '团组织管理员接单：先说明首次回复期限，接单后需求页显示期限，企业收到通知',
    as: 'organizer',
    async run(app) {
      const page = await app.open('packages/need/detail/index', { id: DEMO.needOpen });
      await page.waitFor('动力电池管理系统 SOC 估算精度提升');
      await page.tap('接单');
      expect(
        app.wx.modals.some((modal) => modal.title === '接单' && modal.content.includes('3 天内')),
        `接单前应说明首次回复期限：${JSON.stringify(app.wx.modals)}`,
      );
      await page.waitFor('首次回复期限');
      const need = await get(app, 'needs', DEMO.needOpen);
      expect(need.status === 'taken' && need.ownerId === DEMO.organizer && need.respondBy > need.takenAt, `记录：${JSON.stringify(need)}`);
      const told = await find(app, 'inbox', { userId: DEMO.issuer });
      expect(
        told.some((item) => item.title.includes('动力电池管理系统 SOC 估算精度提升')),
        `企业联系人应收到接单通知：${told.map((item) => item.title).join(' / ')}`,
      );
      page.close();
    },
  },
];

export function flowChecks(persona) {
  return FLOWS.filter((flow) => flow.as === persona);
}

export const FLOW_PERSONAS = [...new Set(FLOWS.map((flow) => flow.as))];

/** Team A's claim form for the demo race, loaded. */
async function openClaimForm(app) {
  const page = await app.open('packages/challenge/apply/index', { challengeId: DEMO.challengeRace, teamId: DEMO.teamA });
  await page.waitFor('攻关方案');
  return page;
}

/** Types into a form, closes the page, opens it again: the page a user returns to after a reload. */
async function reopenAfterTyping(app, route, fields) {
  const first = await app.open(route);
  for (const [label, value] of Object.entries(fields)) await first.input(label, value);
  first.close();
  const again = await app.open(route);
  await again.waitFor('已恢复上次未提交的内容');
  return again;
}

/** A NutUI checkbox shows its tick as a drawn icon element; unchecked it shows the empty circle. */
function assertTick(checkbox, checked, when) {
  expect(checkbox, `${when}：找不到勾选框`);
  const icon = checkbox.querySelector('.main--nut-checkbox-icon');
  expect(icon, `${when}：勾选框没有画出图标（<i> 在小程序里没有模板）`);
  const ticked = icon.classList.contains('main--nut-checkbox-icon-checked') && /mask/.test(icon.getAttribute('style') ?? '');
  expect(ticked === checked, `${when}：勾选框应${checked ? '显示勾' : '不显示勾'}，实际 class="${icon.className}"`);
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function get(app, collection, id) {
  return (
    await app.db
      .collection(collection)
      .doc(id)
      .get()
      .catch(() => ({ data: null }))
  ).data;
}

async function find(app, collection, where) {
  return (await app.db.collection(collection).where(where).get()).data;
}
