/**
 * A new environment, as after `npm run deploy` (its own host, no demo world): a new user enters
 * the setup code and becomes the root organizer, builds a three-level tree in the app and more by
 * importing a sheet (first with errors shown row by row), then invites a second organizer who
 * accepts and appears in the org's list with who invited them.
 */
import ExcelJS from 'exceljs';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHost } from '../host.mjs';
import { assert, confirmModal, fill, open, openTab, pick, see, shot, signIn, tap, visible } from './app.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SETUP_CODE = 'KCSETUP2E2EA';
const ROOT = '共青团某省委员会';

async function sheetFile(name, rows) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织');
  sheet.addRow(['类型', '名称', '所在单位', '上级组织']);
  for (const row of rows) sheet.addRow(row);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'kc-sheet-')), name);
  writeFileSync(file, Buffer.from(await book.xlsx.writeBuffer()));
  return file;
}

/** Picks a file in the page's file chooser, as a person choosing it on their computer. */
async function chooseFile(page, buttonText, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), tap(page, buttonText)]);
  await chooser.setFiles(file);
}

/** A new user's name and unit, from 我的 → 编辑资料, back on 我的. */
async function fillProfile(page, env, name, unit) {
  await openTab(page, env, '我的');
  await tap(page, '编辑资料');
  await fill(page, '队伍和团组织看到的姓名', name);
  await fill(page, '单位全称', unit);
  await tap(page, '保存');
  await see(page, name);
}

async function createChild(page, { kind, name, unit }) {
  await tap(page, '新建下级组织');
  await see(page, '所在单位');
  if (kind === '党组织') {
    const form = page.locator('.kc-card', { hasText: '所在单位' }).locator('visible=true').last();
    await pick(page, form.getByText('团组织', { exact: true }), '党组织');
  }
  await fill(page, '如：某研究院团委', name);
  await fill(page, '如：某研究院', unit);
  await tap(page, '新建');
  await see(page, name);
}

export const adminScenarios = [
  {
    name: 'a new environment: the setup code makes the first organizer, who builds the org tree in the app and by import and invites a second organizer',
    async run(env) {
      const host = await startHost(root, { EMPTY_WORLD: '1', SETUP_CODE });
      try {
        assert.match(host.output(), /设置码：KCSE-TUP2-E2EA/);
        const local = { ...env, url: host.url };

        // The first organizer: a brand-new user with the setup code.
        const first = await signIn(local, 'new');
        await fillProfile(first, local, '周岚', '共青团某省委员会');
        assert.equal(await visible(first, '组织管理', true).count(), 0, '还不是管理员时不应看到「组织管理」');
        await tap(first, '成为团组织管理员');
        await fill(first, '如 ABCD-EFGH-JKLM', 'kcse tup2-e2ea');
        await shot(first, local, 'admin-01-setup-code');
        await tap(first, '成为管理员');
        await see(first, '设置完成，你是第一位团组织管理员');
        await see(first, ROOT);
        await shot(first, local, 'admin-02-first-organizer');

        // Three levels in the app: root → 某市团委 → 某研究院团委 (+ its 党委).
        await tap(first, '进入组织管理');
        await see(first, ROOT);
        await createChild(first, { kind: '团组织', name: '某市团委', unit: '共青团某市委员会' });
        await tap(first, '某市团委');
        await see(first, '生成邀请码');
        await createChild(first, { kind: '团组织', name: '某研究院团委', unit: '某研究院' });
        await tap(first, '某研究院团委 ›');
        await createChild(first, { kind: '党组织', name: '某研究院党委', unit: '某研究院' });
        await shot(first, local, 'admin-03-third-level');

        // Import: a sheet with errors is previewed row by row and cannot be imported; the fixed one can.
        await open(first, local, '/packages/admin/orgs/index');
        await tap(first, '从表格导入');
        await see(first, '第一步：下载模板');
        const [download] = await Promise.all([first.waitForEvent('download'), tap(first, '下载模板')]);
        const template = new ExcelJS.Workbook();
        await template.xlsx.readFile(await download.path());
        assert.deepEqual(template.worksheets[0].getRow(1).values.slice(1), ['类型', '名称', '所在单位', '上级组织']);

        const withErrors = await sheetFile('有错误.xlsx', [
          ['团组织', '某县团委', '共青团某县委员会', '某市团委'],
          ['团组织', '某乡镇团委', '', '某县团委'],
          ['团组织', '飞地团委', '某单位', '不存在的团委'],
        ]);
        await chooseFile(first, '选择填好的表格', withErrors);
        await see(first, '第三步：核对预览');
        await see(first, '请填写所在单位');
        await see(first, '找不到上级组织「不存在的团委」');
        await see(first, '表格中有 2 行错误');
        assert.equal(await visible(first, '确认导入', true).count(), 0, '有错误时不应能确认导入');
        await shot(first, local, 'admin-04-import-errors');

        const fixed = await sheetFile('改好的.xlsx', [
          ['团组织', '某县团委', '共青团某县委员会', '某市团委'],
          ['团组织', '某乡镇团委', '某乡镇', '某县团委'],
          ['党组织', '某县机关党委', '某县机关', '某县团委'],
        ]);
        await chooseFile(first, '重新选择表格', fixed);
        await see(first, '将新建 3');
        await tap(first, '确认导入');
        await confirmModal(first, '导入');
        await see(first, '已新建 3 个组织，跳过 0 个已存在的');
        await shot(first, local, 'admin-05-imported');
        await tap(first, '返回组织管理');
        await see(first, '某乡镇团委');
        await see(first, '某县机关党委');
        await shot(first, local, 'admin-06-tree');

        // Invite a second organizer for 某市团委.
        await tap(first, '某市团委');
        await tap(first, '生成邀请码');
        const codeText = await first.locator('.kc-one-time-code__value').innerText();
        assert.match(codeText, /^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
        await shot(first, local, 'admin-07-invite-code');

        const second = await signIn(local, 'new');
        await fillProfile(second, local, '陈默', '共青团某市委员会');
        await tap(second, '成为团组织管理员');
        await fill(second, '如 ABCD-EFGH-JKLM', codeText);
        await tap(second, '成为管理员');
        await see(second, '你已成为团组织管理员');
        await see(second, '某市团委');
        await tap(second, '进入组织管理');
        await see(second, '某乡镇团委');
        assert.equal(await visible(second, ROOT, true).count(), 0, '下级组织的管理员不应看到上级组织');
        await shot(second, local, 'admin-08-second-organizer');

        await first.reload();
        await see(first, '陈默');
        await see(first, '由 周岚 邀请');
        await shot(first, local, 'admin-09-organizers');
      } finally {
        await host.stop();
      }
    },
  },
];
