/**
 * The organizer's 驾驶舱 in the demo world: the worklist leads to what waits, the dashboard shows
 * figures once dispatch has rolled them up, a direct-contact visit is recorded with an opinion that
 * is followed up to 已解决 (and the team's leader sees it), and an Excel export is downloaded and
 * read back cell by cell.
 */
import ExcelJS from 'exceljs';
import { assert, confirmModal, fill, open, openTab, pick, see, shot, signIn, tap, visible } from './app.mjs';

const TEAM_A = '车规级芯片青年突击队';
const OPINION = '希望协调车规级芯片可靠性测试的场地与设备';

export const cockpitScenarios = [
  {
    name: 'the worklist shows what waits and leads to it; the dashboard shows the rolled-up figures',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      await openTab(page, env, '我的');
      await tap(page, '待办');
      await see(page, '待审核的组建申请');
      await see(page, '高纯靶材国产化青年突击队');
      await shot(page, env, 'cockpit-01-worklist');
      await tap(page, '高纯靶材国产化青年突击队');
      await see(page, '通过备案');

      await open(page, env, '/packages/cockpit/dashboard/index');
      // The host runs dispatch every half second here; the first rollup appears within a few runs.
      for (let attempt = 0; attempt < 20 && !(await visible(page, '统计截至').count()); attempt += 1) {
        await page.waitForTimeout(500);
        await page.reload();
        await page.waitForLoadState('networkidle');
      }
      await see(page, '统计截至');
      await see(page, '揭榜挂帅');
      await see(page, '华芯微电子团委');
      const registered = await page.locator('.kc-page').innerText();
      assert.match(registered, /已备案\s*[1-9]\d* 支/, '看板应统计出已备案的队伍');
      await shot(page, env, 'cockpit-02-dashboard');
    },
  },
  {
    name: 'a direct-contact visit with an opinion followed up to 已解决, seen by the team leader',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      await open(page, env, '/packages/contact/ledger/index');
      await see(page, '周期小结');
      await tap(page, TEAM_A);
      await see(page, '记录联系');
      await tap(page, '记录联系');
      await pick(page, '请选择', '走访');
      await fill(page, '如：王敏、李航', '王敏、李航、张晓');
      await fill(page, '了解到的情况、商定的事项', '走访了解故障注入平台的进展，商定下月联合测试。');
      await fill(page, '一条意见或建议', OPINION);
      await tap(page, '添加');
      await see(page, `1. ${OPINION}`);
      await shot(page, env, 'cockpit-03-contact-form');
      await tap(page, '保存记录');
      await confirmModal(page, '保存');
      await see(page, OPINION);
      // The 「已保存」 toast sits over the middle of the page until it fades; a finger waits for it too.
      await page.waitForTimeout(2000);

      const opinion = page.locator('.kc-contact-opinion', { hasText: OPINION }).first();
      await opinion.getByText('标为已回复', { exact: true }).click({ force: true });
      const dialog = page.locator('.nut-dialog').locator('visible=true').last();
      await dialog.locator('textarea').fill('已联系省汽车电子测试中心，下周安排场地。');
      await dialog.getByText('确认', { exact: true }).click({ force: true });
      await see(page, '答复：已联系省汽车电子测试中心，下周安排场地。');
      await page.waitForTimeout(2000);
      await opinion.getByText('标为已解决', { exact: true }).click({ force: true });
      await page.locator('.nut-dialog').locator('visible=true').last().getByText('确认', { exact: true }).click({ force: true });
      await opinion.getByText('已解决', { exact: true }).waitFor();
      await shot(page, env, 'cockpit-04-opinion-resolved');

      const leader = await signIn(env, 'demo-leader-a');
      await open(leader, env, '/packages/team/detail/index?id=team-demo-chip');
      await tap(leader, '直接联系记录 ›');
      await see(leader, OPINION);
      await see(leader, '已解决');
      assert.equal(await visible(leader, '记录联系', true).count(), 0, '队长只能查看，不能记录联系');
      await shot(leader, env, 'cockpit-05-leader-sees-contact');
    },
  },
  {
    name: 'an Excel export of teams with members is downloaded and checked cell by cell',
    async run(env) {
      const page = await signIn(env, 'demo-organizer');
      await open(page, env, '/packages/cockpit/exports/index');
      await see(page, '导出范围');
      const card = page.locator('.kc-exports__table', { hasText: '队伍与成员' }).first();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        card.getByText('导出 Excel', { exact: true }).click({ force: true }),
      ]);
      assert.match(download.suggestedFilename(), /队伍与成员.*\.xlsx$/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.readFile(await download.path());
      const teams = book.getWorksheet('队伍');
      const members = book.getWorksheet('成员');
      assert.ok(teams && members, `应有「队伍」「成员」两张表：${book.worksheets.map((sheet) => sheet.name)}`);
      const header = teams.getRow(1).values.slice(1);
      assert.ok(header.includes('队伍名称') || header.some((cell) => String(cell).includes('队伍')), `队伍表头：${header}`);
      assert.equal(teams.views[0]?.state, 'frozen', '表头应冻结');
      const rowOf = (sheet, text) => {
        let found = null;
        sheet.eachRow((row, number) => {
          if (number > 1 && row.values.some((cell) => cell === text)) found = row;
        });
        return found;
      };
      const chip = rowOf(teams, TEAM_A);
      assert.ok(chip, '队伍表应有车规级芯片青年突击队');
      assert.ok(chip.values.includes('华芯微电子团委'), `团组织列：${chip.values}`);
      assert.ok(
        chip.values.some((cell) => cell instanceof Date),
        `备案日期应为日期格式：${chip.values}`,
      );
      const leaderRow = rowOf(members, '李航');
      assert.ok(leaderRow && leaderRow.values.includes(TEAM_A), `成员表应有队长李航：${leaderRow?.values}`);
      assert.equal(rowOf(teams, '不存在的队伍'), null);
      await see(page, '已导出');
      await shot(page, env, 'cockpit-06-export');
    },
  },
];
