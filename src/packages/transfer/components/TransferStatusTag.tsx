import { TRANSFER_STATUS_LABELS, type TransferStatus } from '@core/need-rules';
import { ToneTag, type Tone } from '@/components/ToneTag';

const TONES: Record<TransferStatus, Tone> = { pending: 'warning', confirmed: 'success', disputed: 'danger' };

/** 待企业确认 / 已确认 / 企业有异议: only 已确认 counts in totals, so it alone reads green. */
export function TransferStatusTag({ status }: { status: TransferStatus }) {
  return <ToneTag tone={TONES[status]}>{TRANSFER_STATUS_LABELS[status]}</ToneTag>;
}
