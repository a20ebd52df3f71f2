/**
 * A new environment in the compiled mini program (a launch with no demo world and a setup code
 * armed, as after `npm run deploy`): the first user enters the setup code, builds a three-level
 * tree in the app and by importing a sheet sent to them in a chat, invites a second organizer, and
 * the phone is handed to that person, who accepts. Asserted on the screens and the cloud's records.
 */
import ExcelJS from 'exceljs';

export const SETUP_OPENID = 'o-weapp-first-organizer';
const SECOND_OPENID = 'o-weapp-second-organizer';
const ROOT = '共青团某省委员会';

async function sheet(rows) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织');
  sheet.addRow(['类型', '名称', '所在单位', '上级组织']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function orgsNamed(app, name) {
  return (await app.db.collection('orgs').where({ name }).get()).data;
}

async function createChild(page, { party = false, name, unit }) {
  await page.tap('新建下级组织');
  await page.waitFor('所在单位');
  if (party) await page.pick('类型', 1);
  await page.input('名称', name);
  await page.input('所在单位', unit);
  await page.tap('新建');
  await page.waitFor(name);
}

const CHECKS = [
  {
    name: '新环境：设置码成为第一位管理员，在小程序里建三级组织并导入表格，邀请第二位管理员',
    async run(app) {
      expect(app.setupCode, '没有设置码');
      const become = await app.open('packages/user/become-organizer/index');
      await become.input('邀请码', app.setupCode.toLowerCase());
      await become.tap('成为管理员');
      await become.waitFor('设置完成，你是第一位团组织管理员');
      await become.waitFor(ROOT);
      const [root] = await orgsNamed(app, ROOT);
      expect(root, '根组织未建立');
      become.close();

      const orgs = await app.open('packages/admin/orgs/index');
      await orgs.waitFor(ROOT);
      await createChild(orgs, { name: '某市团委', unit: '共青团某市委员会' });
      orgs.close();
      const [city] = await orgsNamed(app, '某市团委');
      expect(city?.parentId === root._id, `某市团委的上级：${city?.parentId}`);

      const cityPage = await app.open('packages/admin/org/index', { id: city._id });
      await cityPage.waitFor('生成邀请码');
      await createChild(cityPage, { name: '某研究院团委', unit: '某研究院' });
      cityPage.close();
      const [institute] = await orgsNamed(app, '某研究院团委');
      const institutePage = await app.open('packages/admin/org/index', { id: institute._id });
      await institutePage.waitFor('生成邀请码');
      await createChild(institutePage, { party: true, name: '某研究院党委', unit: '某研究院' });
      institutePage.close();
      const [party] = await orgsNamed(app, '某研究院党委');
      expect(party?.kind === 'party' && party.parentId === institute._id, `党委：${JSON.stringify(party)}`);

      const importing = await app.open('packages/admin/import/index');
      await importing.tap('下载模板');
      expect(app.wx.documents.length === 1, `模板应在微信文档查看器中打开：${app.wx.documents}`);
      app.wx.chatFiles.push({
        name: '组织.xlsx',
        content: await sheet([
          ['团组织', '某县团委', '共青团某县委员会', '某市团委'],
          ['党组织', '某县机关党委', '某县机关', '某县团委'],
        ]),
      });
      await importing.tap('选择填好的表格');
      await importing.waitFor('将新建 2');
      await importing.tap('确认导入');
      await importing.waitFor('已新建 2 个组织');
      importing.close();
      const [county] = await orgsNamed(app, '某县团委');
      expect(county?.parentId === city._id, `某县团委的上级：${county?.parentId}`);

      const invite = await app.open('packages/admin/org/index', { id: city._id });
      await invite.waitFor('生成邀请码');
      await invite.tap('生成邀请码');
      await invite.waitFor('邀请码只显示这一次');
      const code = /[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.exec(invite.text())?.[0];
      expect(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/.test(code ?? ''), `邀请码：${code}`);
      invite.close();

      app.user.openid = SECOND_OPENID;
      const second = await app.open('packages/user/become-organizer/index');
      await second.input('邀请码', code);
      await second.tap('成为管理员');
      await second.waitFor('你已成为团组织管理员');
      await second.waitFor('某市团委');
      second.close();
      const user = (await app.db.collection('users').doc(SECOND_OPENID).get()).data;
      expect(
        user.roles.some((role) => role.role === 'organizer' && role.scopeId === city._id),
        `第二位管理员的身份：${JSON.stringify(user.roles)}`,
      );
      const grant = (await app.db.collection('organizers').doc(`${city._id}_${SECOND_OPENID}`).get()).data;
      expect(grant.invitedBy === SETUP_OPENID && grant.via === 'invite', `邀请记录：${JSON.stringify(grant)}`);
    },
  },
];

export function setupChecks() {
  return CHECKS;
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}
