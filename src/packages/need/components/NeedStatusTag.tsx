import { NEED_STATUS_LABELS, type NeedStatus } from '@core/need-rules';
import { ToneTag, type Tone } from '@/components/ToneTag';

const NEED_TONES: Record<NeedStatus, Tone> = {
  draft: 'muted',
  submitted: 'warning',
  taken: 'info',
  challenge: 'success',
  recommended: 'success',
  merged: 'muted',
  declined: 'danger',
  withdrawn: 'muted',
};

/** A need's status (草稿 / 待接单 / 处理中 / its outcome) in the app's tones. */
export function NeedStatusTag({ status }: { status: NeedStatus }) {
  return <ToneTag tone={NEED_TONES[status]}>{NEED_STATUS_LABELS[status]}</ToneTag>;
}
