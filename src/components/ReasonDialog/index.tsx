import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useEffect, useState } from 'react';

export type ReasonDialogProps = {
  visible: boolean;
  title: string;
  hint: string;
  confirmText: string;
  /** Minimum length; the confirm button stays disabled until it is met. */
  minLength: number;
  /** What to write, in the box; a reason by default. */
  placeholder?: string;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
};

/** The wording for rejecting a team application, shared by the review queue and the team page. */
export const REJECT_APPLICATION = {
  title: '驳回申请',
  hint: '申请人会看到驳回原因，请写明需要补充或修改的内容。',
  confirmText: '确认驳回',
  minLength: 2,
} as const;

/** Asks for a short written reason before a step that someone else will read (reject, dissolve). */
export function ReasonDialog({
  visible,
  title,
  hint,
  confirmText,
  minLength,
  placeholder = '请填写原因',
  onConfirm,
  onCancel,
}: ReasonDialogProps) {
  const [reason, setReason] = useState('');
  useEffect(() => {
    if (visible) setReason('');
  }, [visible]);
  return (
    <Dialog
      visible={visible}
      title={title}
      confirmText={confirmText}
      cancelText='取消'
      disableConfirmButton={reason.trim().length < minLength}
      onConfirm={() => onConfirm(reason.trim())}
      onCancel={onCancel}
      onClose={onCancel}
    >
      <View className='kc-muted' style={{ marginBottom: '8px' }}>
        {hint}
      </View>
      <TextArea value={reason} onChange={setReason} maxLength={200} showCount rows={3} placeholder={placeholder} />
    </Dialog>
  );
}
