import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ReportTargetKind } from '@core/report-rules';
import { ReportDialog } from './ReportDialog';
import './index.scss';

export type ReportButtonProps = {
  targetKind: ReportTargetKind;
  targetId: string;
  /** The viewer wrote this content (the page knows): nothing to report. */
  hidden?: boolean;
  /** `end`: on a line of its own, at the right of a card; `inline`: where the page puts it (a row's end). */
  placement?: 'inline' | 'end';
};

/** A quiet 投诉/举报 link beside someone else's content; the form opens only when tapped. */
export function ReportButton({ targetKind, targetId, hidden = false, placement = 'inline' }: ReportButtonProps) {
  const [open, setOpen] = useState(false);
  if (hidden) return null;
  return (
    <View className={`kc-report kc-report--${placement}`}>
      <Text
        className='kc-link kc-report__link'
        onClick={(event) => {
          event.stopPropagation();
          setOpen(true);
        }}
      >
        投诉/举报
      </Text>
      {/* Mounted per opening: a fresh form and request id each time, and no dialog nodes on long lists. */}
      {open ? <ReportDialog targetKind={targetKind} targetId={targetId} onClose={() => setOpen(false)} /> : null}
    </View>
  );
}
