import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import type { ExportTable } from '@core/cockpit-rules';
import type { Failure } from '@core/errors';
import { cockpitService } from '@/services/cockpit';
import { openRemoteFile } from '@/services/file-save';
import './index.scss';

export type ExportButtonProps = {
  /** The org whose subtree is exported (the caller must organize it or an org above it). */
  orgId: string;
  table: ExportTable;
  /** For 活动出勤: one event instead of all of the org's. */
  eventId?: string;
  /** 「导出 Excel」 unless the place needs another word. */
  label?: string;
  size?: 'small' | 'normal';
  /** Full width (on a card of its own); otherwise it sits inline. */
  block?: boolean;
};

type Outcome = { kind: 'done'; rows: number; fileName: string } | { kind: 'failed'; failure: Failure };

/**
 * 导出 Excel: the cloud writes the file, then it opens (downloaded on H5, WeChat's document viewer in
 * the mini program, whose menu sends it on). Busy while it runs; what came of it stays under the button.
 */
export function ExportButton({ orgId, table, eventId, label = '导出 Excel', size = 'normal', block = false }: ExportButtonProps) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  // An answer for an org or table the button no longer shows is dropped.
  const asked = useRef(0);
  useEffect(() => {
    asked.current += 1;
    setBusy(false);
    setOutcome(null);
  }, [orgId, table, eventId]);

  const run = async () => {
    if (busy) return;
    const ticket = ++asked.current;
    setBusy(true);
    setOutcome(null);
    const made = await cockpitService.exportTable({ orgId, table, ...(eventId ? { eventId } : {}) });
    const opened = made.ok ? await openRemoteFile(made.data) : made;
    if (ticket !== asked.current) return;
    setBusy(false);
    if (!opened.ok) setOutcome({ kind: 'failed', failure: opened });
    else if (made.ok) setOutcome({ kind: 'done', rows: made.data.rows, fileName: made.data.fileName });
  };

  return (
    <View className={block ? 'kc-export kc-export--block' : 'kc-export'}>
      <Button type='primary' fill='outline' size={size} block={block} loading={busy} disabled={!orgId} onClick={run}>
        {busy ? '正在生成…' : label}
      </Button>
      {outcome?.kind === 'done' ? (
        <Text className='kc-export__note kc-muted'>
          已导出 {outcome.rows} 行：{outcome.fileName}
        </Text>
      ) : null}
      {outcome?.kind === 'failed' ? (
        <View className='kc-export__note kc-export__note--error' ariaRole='alert'>
          {outcome.failure.message}
        </View>
      ) : null}
    </View>
  );
}
