import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ExcelJS from 'exceljs';
import { IMPORT_COLUMNS } from '../../core/admin-rules';
import { DEMO } from '../../devcloud/seed';
import ImportOrgsPage from '../../src/packages/admin/import';
import OrgPage from '../../src/packages/admin/org';
import OrgsPage from '../../src/packages/admin/orgs';
import BecomeOrganizerPage from '../../src/packages/user/become-organizer';
import { adminService } from '../../src/services/admin';
import { pickDocuments, uploadFile } from '../../src/services/cloud';
import { startBackend, type Backend } from './backend';

// The file dialog and the upload are the platform's; the sheet goes straight into the local cloud's storage.
jest.mock('../../src/services/cloud', () => ({
  ...jest.requireActual('../../src/services/cloud'),
  pickDocuments: jest.fn(),
  uploadFile: jest.fn(),
}));

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const tapButton = (label: string) => fireEvent.click(screen.getByText(label).closest('.nut-button') ?? screen.getByText(label));
/** Taro's input listens to the native field it draws inside itself (once its web component has rendered). */
async function typeInto(placeholder: string, value: string) {
  const field = await waitFor(() => {
    const found = screen.getAllByPlaceholderText(placeholder).find((element) => element.tagName === 'INPUT');
    if (!found) throw new Error(`no field for ${placeholder} yet`);
    return found;
  });
  fireEvent.input(field, { target: { value } });
}

/** The page's query, as Taro's router would give it. */
function routeWith(params: Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro');
  taro.useRouter = () => ({ params });
}

let backend: Backend;
let sent: { action?: string; code?: string }[];
let toast: jest.SpyInstance;

beforeAll(async () => {
  backend = await startBackend();
  const reach = globalThis.fetch;
  globalThis.fetch = ((url: string, init?: { body?: string }) => {
    sent.push(JSON.parse(init?.body ?? '{}'));
    return reach(url, init as RequestInit);
  }) as typeof fetch;
});
beforeEach(() => {
  sent = [];
  backend.calls.length = 0;
  toast = jest.spyOn(Taro, 'showToast').mockResolvedValue({ errMsg: 'showToast:ok' } as never);
});
afterEach(() => toast.mockRestore());

async function issueCodeFor(orgId: string): Promise<string> {
  backend.signInAs(DEMO.organizer);
  const issued = await adminService.issueCode(orgId);
  if (!issued.ok) throw new Error(issued.message);
  return issued.data.code;
}

describe('成为团组织管理员', () => {
  it('takes a code typed in lowercase with spaces and dashes, sends it normalized, and names the org', async () => {
    const code = await issueCodeFor('org-league-hx');
    backend.signInAs(DEMO.newcomer);
    render(<BecomeOrganizerPage />);
    await waitFor(() => expect(screen.getByText('还没有组织身份')).toBeTruthy());
    const typed = code.toLowerCase().replace('-', ' - ').replace('-', ' ');
    await typeInto('如 ABCD-EFGH-JKLM', typed);
    sent = [];
    await act(async () => tapButton('成为管理员'));
    await waitFor(() => expect(screen.getByText('你已成为团组织管理员')).toBeTruthy());
    expect(sent.find((event) => event.action === 'redeemCode')?.code).toBe(code.replace(/-/g, ''));
    const named = screen.getByText('你已成为团组织管理员').closest('.kc-card') as HTMLElement;
    expect(within(named).getByText('华芯微电子团委')).toBeTruthy();
    expect(within(named).getByText('进入组织管理')).toBeTruthy();
    // 我的身份 now lists the role it gave.
    await waitFor(() => expect(screen.getByText('团组织管理员')).toBeTruthy());
    expect(backend.calls).toEqual(expect.arrayContaining(['admin.redeemCode', 'admin.myRoles']));
  });

  it('says what is wrong with a malformed code beside the field and sends nothing', async () => {
    backend.signInAs(DEMO.memberA);
    render(<BecomeOrganizerPage />);
    await waitFor(() => expect(screen.getByText('还没有组织身份')).toBeTruthy());
    backend.calls.length = 0;
    await typeInto('如 ABCD-EFGH-JKLM', 'abcd-efgh');
    await act(async () => tapButton('成为管理员'));
    expect(screen.getByText('邀请码是 12 位字母或数字（可带短横线）')).toBeTruthy();
    // Twelve once spaces are dropped, but 0 is not in the alphabet (it reads like O).
    await typeInto('如 ABCD-EFGH-JKLM', 'abcd efgh jkl0');
    await act(async () => tapButton('成为管理员'));
    expect(screen.getByText('邀请码中有无效字符，请核对')).toBeTruthy();
    expect(backend.calls).toEqual([]);
  });

  it('shows the server’s refusal of a code that does not exist, and keeps the form', async () => {
    backend.signInAs(DEMO.memberB);
    render(<BecomeOrganizerPage />);
    await waitFor(() => expect(screen.getByText('还没有组织身份')).toBeTruthy());
    await typeInto('如 ABCD-EFGH-JKLM', 'ABCD-EFGH-JKLM');
    await act(async () => tapButton('成为管理员'));
    await waitFor(() => expect(screen.getByText('邀请码无效，请核对后重试，或向上级组织的管理员重新索取')).toBeTruthy());
    expect(toast).toHaveBeenCalledWith(expect.objectContaining({ title: expect.stringContaining('邀请码无效') }));
    expect(screen.getByText('成为管理员')).toBeTruthy();
  });
});

/** An .xlsx with the template's header and these rows, stored as the organizer's own upload. */
async function uploadedSheet(rows: string[][], name: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('组织');
  sheet.addRow([...IMPORT_COLUMNS]);
  for (const row of rows) sheet.addRow(row);
  const content = Buffer.from(await book.xlsx.writeBuffer());
  return backend.cloud.storage.write(`uploads/${DEMO.organizer}/${name}`, content);
}

async function chooseSheet(rows: string[][], name: string) {
  const fileId = await uploadedSheet(rows, name);
  jest.mocked(pickDocuments).mockResolvedValue([{ path: `blob:${name}`, name }]);
  jest.mocked(uploadFile).mockResolvedValue({ ok: true, data: fileId });
  await act(async () => tapButton('选择填好的表格'));
}

describe('从表格导入组织', () => {
  beforeEach(() => backend.signInAs(DEMO.organizer));

  it('previews a sheet with errors: counts, the failing rows in red with what to fix, and no import offered', async () => {
    const { container } = render(<ImportOrgsPage />);
    await chooseSheet(
      [
        ['团组织', '华芯封装测试团委', '华芯封装测试有限公司', '华芯微电子团委'],
        ['团支部', '错误类型团委', '某单位', '华芯微电子团委'],
        ['团组织', '无处可挂团委', '某单位', '不存在的团委'],
      ],
      'errors.xlsx',
    );
    await waitFor(() => expect(screen.getByText('将新建 1 · 已存在 0 · 有错误 2')).toBeTruthy());
    const failing = [...container.querySelectorAll('.kc-import__row--error')] as HTMLElement[];
    expect(failing.map((row) => within(row).getByText(/^有错误：/).textContent)).toEqual([
      '有错误：类型须为「团组织」或「党组织」',
      expect.stringContaining('找不到上级组织「不存在的团委」'),
    ]);
    expect(within(failing[0]).getByText('3')).toBeTruthy(); // the sheet's own row number
    expect(screen.getByText('表格中有 2 行错误（标红），请在表格中改正后重新选择上传。')).toBeTruthy();
    expect(screen.queryByText('确认导入')).toBeNull();
    expect(backend.calls).toEqual(['admin.previewImport']);
  });

  it('imports a clean sheet after a confirmation and says what it did', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
    render(<ImportOrgsPage />);
    await chooseSheet([['团组织', '华芯设计中心团委', '华芯设计中心', '华芯微电子团委']], 'clean.xlsx');
    await waitFor(() => expect(screen.getByText('将新建 1 · 已存在 0 · 有错误 0')).toBeTruthy());
    await act(async () => tapButton('确认导入'));
    await waitFor(() => expect(screen.getByText('已新建 1 个组织，跳过 0 个已存在的')).toBeTruthy());
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认导入' }));
    expect(backend.calls).toEqual(['admin.previewImport', 'admin.confirmImport']);
    expect(screen.getByText('返回组织管理')).toBeTruthy();
    modal.mockRestore();
  });
});

describe('组织管理 and 组织详情', () => {
  beforeEach(() => backend.signInAs(DEMO.organizer));

  it('shows the league orgs as a tree under the organizer’s own org, and party orgs after them', async () => {
    const { container } = render(<OrgsPage />);
    await waitFor(() => expect(screen.getByText('华芯微电子团委')).toBeTruthy());
    const rows = [...container.querySelectorAll('.kc-orgs__row')] as HTMLElement[];
    const names = rows.map((row) => row.querySelector('.kc-orgs__name')?.textContent);
    expect(names.slice(0, 3)).toEqual(['共青团某省委员会', expect.any(String), expect.any(String)]);
    expect(names).toEqual(expect.arrayContaining(['华芯微电子团委', '智算研究院团委', '华芯微电子党委']));
    expect(names.indexOf('华芯微电子党委')).toBeGreaterThan(names.indexOf('智算研究院团委'));
    expect(rows[0].style.paddingLeft).toBe('0px');
    expect(rows[names.indexOf('智算研究院团委')].style.paddingLeft).toBe('16px');
  });

  it('lists an org’s organizers with how they got the role, and issues a code shown once', async () => {
    routeWith({ id: 'org-league-zs' });
    render(<OrgPage />);
    await waitFor(() => expect(screen.getByText('孙悦')).toBeTruthy());
    expect(screen.getByText('数据库设置')).toBeTruthy();
    expect(screen.getByText('另有 1 位上级组织管理员也可管理本组织')).toBeTruthy();
    expect(screen.getByText('移动到…')).toBeTruthy();
    expect(screen.getByText('撤销组织')).toBeTruthy();
    await act(async () => tapButton('生成邀请码'));
    await waitFor(() => expect(screen.getByText(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/)).toBeTruthy());
    expect(screen.getByText(/邀请码只显示这一次/)).toBeTruthy();
    await waitFor(() => expect(screen.getByText(/王敏 于 .* 生成，.* 前有效/)).toBeTruthy());
  });

  it('offers neither moving nor retiring the organizer’s own org, and no 撤销 of themselves', async () => {
    routeWith({ id: 'org-league-prov' });
    render(<OrgPage />);
    await waitFor(() => expect(screen.getByText('我是本组织管理员')).toBeTruthy());
    expect(screen.getByText('修改名称')).toBeTruthy();
    expect(screen.queryByText('移动到…')).toBeNull();
    expect(screen.queryByText('撤销组织')).toBeNull();
    expect(screen.getByText('王敏')).toBeTruthy();
    expect(screen.queryByText('撤销')).toBeNull();
  });

  it('asks for a reason and a confirmation before retiring, and shows the server’s refusal in full', async () => {
    const modal = jest.spyOn(Taro, 'showModal').mockResolvedValue({ confirm: true, cancel: false, errMsg: 'showModal:ok' } as never);
    routeWith({ id: 'org-league-hx' });
    render(<OrgPage />);
    await waitFor(() => expect(screen.getByText('撤销组织')).toBeTruthy());
    await act(async () => tapButton('撤销组织'));
    const reason = await waitFor(() => {
      const found = document.querySelector('textarea');
      if (!found) throw new Error('no reason field yet');
      return found;
    });
    fireEvent.input(reason, { target: { value: '单位合并' } });
    backend.calls.length = 0;
    // Its teams (and, after the import above, a child org) keep it: the whole reason shows, not a cut toast.
    await act(async () => tapButton('下一步'));
    await waitFor(() => expect(modal).toHaveBeenCalledTimes(2));
    expect(modal.mock.calls[0][0]).toMatchObject({ title: '撤销组织', content: expect.stringContaining('保留在记录中') });
    expect(modal.mock.calls[1][0]).toMatchObject({
      title: '无法撤销组织',
      content: expect.stringMatching(/^「华芯微电子团委」.*还有 \d+ .*请先.*$/),
    });
    expect(backend.calls).toEqual(['admin.retireOrg']);
    modal.mockRestore();
  });
});
