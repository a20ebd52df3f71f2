import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { IMPORT_COLUMNS, IMPORT_MAX_ROWS } from '@core/admin-rules';
import type { Failure } from '@core/errors';
import type { ImportPreview, ImportResult } from '@core/views';
import { Skeleton } from '@/components/PageState';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { adminService } from '@/services/admin';
import { pickDocuments, uploadFile } from '@/services/cloud';
import { openRemoteFile } from '@/services/file-save';
import { PreviewTable } from './PreviewTable';
import { explainRefusal } from '../org/refusal';
import './index.scss';

type Busy = 'template' | 'reading' | 'importing' | null;
type Sheet = { fileId: string; name: string };

const ORGS_PAGE = '/packages/admin/orgs/index';

/** Back to 组织管理, which opens this page (it reloads when shown again), or to a fresh one when opened directly. */
function backToOrgs() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: ORGS_PAGE });
}

const HOW_TO_FILL = `模板每行一个组织，依次填写：${IMPORT_COLUMNS.join('、')}。上级组织填你所管理的团组织名称，或本表中另一行团组织的名称；一次最多 ${IMPORT_MAX_ROWS} 行。`;

/** 从表格导入组织: download the template, upload it filled in, check the preview, then import all at once. */
export default function ImportOrgsPage() {
  const [busy, setBusy] = useState<Busy>(null);
  const [sheet, setSheet] = useState<Sheet | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [problem, setProblem] = useState<Failure | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);

  const downloadTemplate = async () => {
    if (busy) return;
    setBusy('template');
    const template = await adminService.importTemplate();
    const opened = template.ok ? await openRemoteFile(template.data) : template;
    setBusy(null);
    if (!opened.ok) toastFailure(opened);
  };

  const chooseSheet = async () => {
    if (busy) return;
    const [picked] = await pickDocuments(1, 'sheet');
    if (!picked) return;
    setBusy('reading');
    setPreview(null);
    setProblem(null);
    setResult(null);
    setSheet(null);
    const uploaded = await uploadFile(picked.path, 'imports');
    const read = uploaded.ok ? await adminService.previewImport(uploaded.data) : uploaded;
    setBusy(null);
    if (!read.ok) return setProblem(read);
    if (uploaded.ok) setSheet({ fileId: uploaded.data, name: picked.name });
    setPreview(read.data);
  };

  const confirmImport = async () => {
    if (busy || !sheet || !preview) return;
    const asked = `将新建 ${preview.creates} 个组织${preview.exists ? `，跳过 ${preview.exists} 个已存在的` : ''}。导入后可以在组织管理中逐个修改或撤销。`;
    if (!(await confirmStep('确认导入', asked, '导入'))) return;
    setBusy('importing');
    const done = await adminService.confirmImport(sheet.fileId);
    setBusy(null);
    if (!done.ok) return explainRefusal('无法导入', done);
    setResult(done.data);
    setPreview(null);
  };

  return (
    <View className='kc-page'>
      <View className='kc-card'>
        <Text className='kc-import__step'>第一步：下载模板</Text>
        <View className='kc-muted kc-import__columns'>{HOW_TO_FILL}</View>
        <Button type='primary' fill='outline' block loading={busy === 'template'} onClick={downloadTemplate}>
          下载模板
        </Button>
      </View>

      <View className='kc-card'>
        <Text className='kc-import__step'>第二步：上传填好的表格</Text>
        <View className='kc-muted'>选择填好的 .xlsx 表格（小程序中从聊天记录里选择）。上传后先预览，确认无误才会导入。</View>
        {sheet ? <View className='kc-muted kc-import__file'>已选择：{sheet.name}</View> : null}
        <View className='kc-actions'>
          <Button type='primary' loading={busy === 'reading'} onClick={chooseSheet}>
            {sheet || problem ? '重新选择表格' : '选择填好的表格'}
          </Button>
        </View>
      </View>

      {busy === 'reading' ? <Skeleton rows={2} /> : null}
      {problem ? <View className='kc-banner kc-banner--danger'>{problem.message}</View> : null}
      {preview && sheet ? (
        <View>
          <View className='kc-section-title'>第三步：核对预览</View>
          <PreviewTable key={sheet.fileId} preview={preview} />
          {preview.errors ? (
            <View className='kc-banner kc-banner--danger'>表格中有 {preview.errors} 行错误（标红），请在表格中改正后重新选择上传。</View>
          ) : preview.creates ? (
            <Button type='primary' block loading={busy === 'importing'} onClick={confirmImport}>
              确认导入
            </Button>
          ) : (
            <View className='kc-banner'>表中的组织都已存在，无需导入。</View>
          )}
        </View>
      ) : null}

      {result ? (
        <View className='kc-card'>
          <View className='kc-banner kc-banner--success'>
            已新建 {result.created} 个组织，跳过 {result.skipped} 个已存在的
          </View>
          <Button type='primary' fill='outline' block onClick={backToOrgs}>
            返回组织管理
          </Button>
        </View>
      ) : null}
    </View>
  );
}
