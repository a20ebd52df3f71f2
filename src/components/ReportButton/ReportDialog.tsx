import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { useRef, useState } from 'react';
import { REPORT_REASONS, REPORT_REASON_LABELS, REPORT_TARGET_LABELS, type ReportReason, type ReportTargetKind } from '@core/report-rules';
import { submitReportInput } from '@core/schemas/report';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { newRequestId } from '@/services/request-id';
import { reportService } from '@/services/report';

export type ReportDialogProps = { targetKind: ReportTargetKind; targetId: string; onClose: () => void };

/** Why the content is reported (one reason from the short list) and an optional note, sent once per opening. */
export function ReportDialog({ targetKind, targetId, onClose }: ReportDialogProps) {
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [note, setNote] = useState('');
  const requestId = useRef(newRequestId());
  const { errors, check } = useFormErrors();

  // The dialog stays open (its button spinning meanwhile) until the report is in; a failure keeps what was written.
  const submit = async () => {
    const checked = check(submitReportInput, { targetKind, targetId, reason, note: note.trim(), requestId: requestId.current });
    if (!checked) return;
    const result = await reportService.submit(checked);
    if (!result.ok) return toastFailure(result);
    onClose();
    void Taro.showToast({ title: '已提交，管理员会尽快处理', icon: 'none', duration: 2500 });
  };

  return (
    <Dialog
      visible
      title={`投诉/举报${REPORT_TARGET_LABELS[targetKind]}`}
      confirmText='提交'
      cancelText='取消'
      onConfirm={submit}
      onCancel={onClose}
    >
      <View className='kc-report__hint kc-muted'>举报会交给负责这项内容的团组织管理员处理，处理结果会通知你。</View>
      <View className='kc-report__reasons' ariaRole='radiogroup' ariaLabel='举报原因'>
        {REPORT_REASONS.map((option) => (
          <View
            key={option}
            className={option === reason ? 'kc-report__reason kc-report__reason--on' : 'kc-report__reason'}
            ariaRole='radio'
            aria-checked={option === reason}
            onClick={() => setReason(option)}
          >
            {REPORT_REASON_LABELS[option]}
          </View>
        ))}
      </View>
      {errors.reason ? <Text className='kc-report__error'>{errors.reason}</Text> : null}
      <TextArea value={note} onChange={setNote} maxLength={200} showCount rows={3} placeholder='补充说明（选填）' />
      {errors.note ? <Text className='kc-report__error'>{errors.note}</Text> : null}
    </Dialog>
  );
}
