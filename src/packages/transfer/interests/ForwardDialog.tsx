import { Text, View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { InterestCard } from '@core/views';

export type ForwardDialogProps = {
  interest: InterestCard | null;
  onConfirm: (note: string) => void;
  onCancel: () => void;
};

/** 转达团队: an optional note to the team's leader, who receives the enterprise, its contact and the message. */
export function ForwardDialog({ interest, onConfirm, onCancel }: ForwardDialogProps) {
  const [note, setNote] = useState('');
  useEffect(() => {
    if (interest) setNote('');
  }, [interest]);
  return (
    <Dialog
      visible={interest !== null}
      title='转达团队'
      confirmText='下一步'
      cancelText='取消'
      onConfirm={() => onConfirm(note.trim())}
      onCancel={onCancel}
      onClose={onCancel}
    >
      <View className='kc-interest-forward'>
        <Text className='kc-muted'>队长会收到「{interest?.enterpriseName}」的意向、联系人姓名和电话；企业会收到「已转达团队」。</Text>
        <TextArea value={note} onChange={setNote} maxLength={200} showCount rows={3} placeholder='给队长的说明（选填）' />
      </View>
    </Dialog>
  );
}
