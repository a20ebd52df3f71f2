import { View } from '@tarojs/components';
import { useState } from 'react';
import { REPORT_TARGET_LABELS, type ReportAction } from '@core/report-rules';
import type { ReportCard } from '@core/views';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { ScopeTabs } from '@/components/ScopeTabs';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { usePaged } from '@/hooks/usePaged';
import { reportService } from '@/services/report';
import { ReportItem } from './ReportItem';
import './index.scss';

type Scope = 'open' | 'closed';
type Asking = { action: 'hide' | 'restore'; report: ReportCard } | null;
type Ask = 'hide' | 'keep' | 'restore';

const DONE: Record<ReportAction, string> = { hide: '已隐藏', dismiss: '已驳回', restore: '已恢复' };

const ASK = {
  hide: {
    title: '隐藏内容',
    hint: '写明隐藏的原因，内容的作者会看到。隐藏后它不再出现在动态和反馈函的候选记录中，但记录保留，可以恢复。',
    confirmText: '下一步',
  },
  /** Hiding content another report already hid closes this report; the content keeps its first mark. */
  keep: { title: '维持隐藏', hint: '内容已因其他举报被隐藏。写明处理说明，举报人会收到处理结果。', confirmText: '确认' },
  restore: { title: '恢复内容', hint: '写明恢复的原因，内容的作者会看到。', confirmText: '确认恢复' },
} as const;

const askFor = (asking: Asking): Ask => (asking?.action === 'hide' && asking.report.contentHidden ? 'keep' : (asking?.action ?? 'hide'));

/** Reports over the content an organizer is responsible for: hide it, dismiss the report, or restore. */
export default function ReportsPage() {
  const [scope, setScope] = useState<Scope>('open');
  const list = usePaged((cursor) => reportService.list({ status: scope, cursor }), [scope]);
  const { busy, run } = useAction();
  const [asking, setAsking] = useState<Asking>(null);
  // A decision's answer shows at once on its card; a later load that knows a newer decision wins.
  const [decided, setDecided] = useState<Record<string, ReportCard>>({});
  const shown = (report: ReportCard) => {
    const mine = decided[report.id];
    return mine && (mine.decision?.at ?? 0) > (report.decision?.at ?? 0) ? mine : report;
  };

  const decide = (report: ReportCard, action: ReportAction, reason = '') =>
    run(
      () => reportService.decide({ reportId: report.id, decision: action, reason }),
      DONE[action],
      (card) => setDecided((before) => ({ ...before, [card.id]: card })),
    );
  const onDecide = (report: ReportCard, action: ReportAction) => {
    if (action === 'dismiss') void decide(report, 'dismiss');
    else setAsking({ action, report });
  };
  const onReason = async (reason: string) => {
    if (!asking) return;
    const { action, report } = asking;
    setAsking(null);
    const what = `${REPORT_TARGET_LABELS[report.targetKind]}「${report.targetTitle}」`;
    if (
      action === 'hide' &&
      !report.contentHidden &&
      !(await confirmStep('隐藏内容', `隐藏${what}？作者会收到通知并看到原因，举报人会收到处理结果。`, '隐藏'))
    )
      return;
    await decide(report, action, reason);
  };

  return (
    <View className='kc-page'>
      <ScopeTabs
        options={[
          { value: 'open', label: '待处理' },
          { value: 'closed', label: '已处理' },
        ]}
        value={scope}
        onChange={setScope}
      />
      <PageState
        {...list.state}
        emptyTitle={scope === 'open' ? '没有待处理的举报' : '还没有处理过的举报'}
        emptyDescription={
          scope === 'open' ? '所辖队伍的成果、进展、通知、队伍或个人资料被人举报时，会出现在这里。' : '隐藏或驳回过的举报会列在这里。'
        }
      >
        {list.page?.items.map((report) => (
          <ReportItem key={report.id} report={shown(report)} busy={busy} onDecide={onDecide} />
        ))}
        {list.page?.items.length ? (
          <View className='kc-muted kc-reports__end'>
            {list.page.nextCursor ? (list.loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
          </View>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={asking !== null}
        {...ASK[askFor(asking)]}
        minLength={2}
        onConfirm={(reason) => void onReason(reason)}
        onCancel={() => setAsking(null)}
      />
    </View>
  );
}
