import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { EXPORT_LABELS, EXPORT_TABLES } from '../../core/cockpit-rules';
import { failure } from '../../core/errors';
import { DEMO } from '../../devcloud/seed';
import { ExportButton } from '../../src/components/ExportButton';
import ExportsPage from '../../src/packages/cockpit/exports';
import { openRemoteFile } from '../../src/services/file-save';
import { startBackend, type Backend } from './backend';

// Opening a file is the platform's (a download on H5, WeChat's viewer in the mini program).
jest.mock('../../src/services/file-save', () => ({ ...jest.requireActual('../../src/services/file-save'), openRemoteFile: jest.fn() }));
const opened = openRemoteFile as jest.MockedFunction<typeof openRemoteFile>;

/** NutUI puts a button's label under pointer-events: none; the tap lands on the button around it. */
const tapButton = (label: string, inside: HTMLElement = document.body) => {
  const text = within(inside).getByText(label);
  fireEvent.click(text.closest('.nut-button') ?? text);
};

/** The page's query, as Taro's router would give it. */
function routeWith(params: Record<string, string>) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const taro = require('@tarojs/taro');
  taro.useRouter = () => ({ params });
}

/** The refusal or failure shown under the button. */
const problemShown = () => document.querySelector('.kc-export__note--error')?.textContent?.trim();

/** The org the page exports for, as its picker shows it (indented by depth). */
const chosenOrg = () => document.querySelector('.kc-select')?.textContent?.trim();

let backend: Backend;
beforeAll(async () => {
  backend = await startBackend();
});
beforeEach(() => {
  backend.calls.length = 0;
  opened.mockReset();
  opened.mockResolvedValue({ ok: true, data: null });
});

describe('导出 Excel button', () => {
  it('has the cloud write the workbook, then opens that very file, and says how many rows it holds', async () => {
    backend.signInAs(DEMO.organizer);
    render(<ExportButton orgId='org-league-hx' table='teams' />);
    await act(async () => tapButton('导出 Excel'));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(backend.calls).toEqual(['cockpit.export']);
    const file = opened.mock.calls[0][0] as { fileId: string; url: string; fileName: string };
    expect(file.fileName).toMatch(/^华芯微电子团委-队伍与成员-\d{4}年\d{1,2}月\d{1,2}日\.xlsx$/);
    expect(file.url).toBeTruthy();
    await waitFor(() => expect(screen.getByText(`已导出 4 行：${file.fileName}`)).toBeTruthy());
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await backend.cloud.storage.read(file.fileId)) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['队伍', '成员']);
  });

  it('is busy while the file is made: a second tap sends nothing more', async () => {
    backend.signInAs(DEMO.organizer);
    render(<ExportButton orgId='org-league-prov' table='attendance' eventId={DEMO.eventPast} />);
    const held = backend.holdNext('cockpit.export');
    await act(async () => tapButton('导出 Excel'));
    await held.answered;
    expect(screen.getByText('正在生成…')).toBeTruthy();
    await act(async () => tapButton('正在生成…'));
    held.release();
    await waitFor(() => expect(screen.getByText('导出 Excel')).toBeTruthy());
    expect(backend.calls).toEqual(['cockpit.export']);
    expect(opened.mock.calls[0][0]).toMatchObject({ fileName: expect.stringContaining('活动出勤-揭榜项目季度评审交流会') });
  });

  it('shows why when the export is refused, and opens nothing', async () => {
    backend.signInAs(DEMO.unitOrganizer);
    render(<ExportButton orgId='org-league-hx' table='teams' />);
    await act(async () => tapButton('导出 Excel'));
    await waitFor(() => expect(problemShown()).toBe('只有该组织或其上级组织的管理员可以进行此操作'));
    expect(opened).not.toHaveBeenCalled();
  });

  it('shows why when the file cannot be opened on the phone', async () => {
    backend.signInAs(DEMO.organizer);
    opened.mockResolvedValue(failure('NETWORK', '无法下载或打开文件，请检查网络后重试'));
    render(<ExportButton orgId='org-league-hx' table='letters' />);
    await act(async () => tapButton('导出 Excel'));
    await waitFor(() => expect(problemShown()).toBe('无法下载或打开文件，请检查网络后重试'));
    expect(screen.queryByText(/已导出/)).toBeNull();
  });
});

describe('导出 Excel page', () => {
  it('offers every table with what it holds, for the org asked for', async () => {
    backend.signInAs(DEMO.organizer);
    routeWith({ orgId: 'org-league-hx' });
    render(<ExportsPage />);
    await waitFor(() => expect(chosenOrg()).toBe('华芯微电子团委'));
    const cards = document.querySelectorAll('.kc-exports__table');
    expect([...cards].map((card) => card.querySelector('.kc-exports__title')?.textContent)).toEqual(
      EXPORT_TABLES.map((table) => EXPORT_LABELS[table]),
    );
    for (const card of cards) expect(within(card as HTMLElement).getByText('导出 Excel')).toBeTruthy();
    await act(async () => tapButton('导出 Excel', cards[2] as HTMLElement));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0][0]).toMatchObject({ fileName: expect.stringMatching(/^华芯微电子团委-已确认的成果-/) });
  });

  it('starts on the caller’s own org when none is asked for, and exports for an org picked beneath it', async () => {
    backend.signInAs(DEMO.organizer);
    routeWith({});
    const { container } = render(<ExportsPage />);
    await waitFor(() => expect(chosenOrg()).toBe('共青团某省委员会'));
    // The picker lists the province, then its unit orgs indented beneath it.
    const picker = container.querySelector('taro-picker-core')!;
    fireEvent(picker, new CustomEvent('change', { detail: { value: 2 } }));
    await waitFor(() => expect(chosenOrg()).toBe('智算研究院团委'));
    await act(async () => tapButton('导出 Excel', document.querySelector('.kc-exports__table') as HTMLElement));
    await waitFor(() => expect(opened).toHaveBeenCalledTimes(1));
    expect(opened.mock.calls[0][0]).toMatchObject({ fileName: expect.stringMatching(/^智算研究院团委-队伍与成员-/) });
  });

  it('says plainly when the caller organizes no org', async () => {
    backend.signInAs(DEMO.memberA);
    routeWith({});
    render(<ExportsPage />);
    await waitFor(() => expect(screen.getByText('没有权限查看')).toBeTruthy());
    expect(document.querySelector('.kc-exports__table')).toBeNull();
  });
});
