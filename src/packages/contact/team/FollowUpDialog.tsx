import { Text, View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { OPINION_STATE_LABELS, type OpinionState } from '@core/contact-rules';
import type { OpinionView } from '@core/views';
import { FormRow, SelectField } from '@/components/FormRow';

export type FollowUp = { opinion: OpinionView; orgId: string; state: OpinionState };

export type FollowUpDialogProps = {
  followUp: FollowUp | null;
  owners: { userId: string; name: string }[];
  onConfirm: (reply: string, ownerId: string | undefined) => void;
  onCancel: () => void;
};

/** 标为已回复 / 标为已解决: the reply (needed to mark it replied) and who follows it up from here. */
export function FollowUpDialog({ followUp, owners, onConfirm, onCancel }: FollowUpDialogProps) {
  const [reply, setReply] = useState('');
  const [ownerId, setOwnerId] = useState('');
  useEffect(() => {
    if (!followUp) return;
    setReply('');
    setOwnerId(followUp.opinion.ownerId ?? '');
  }, [followUp]);
  const needsReply = followUp?.state === 'replied';
  const options = owners.map((owner) => ({ id: owner.userId, name: owner.name }));
  const changedOwner = ownerId && ownerId !== followUp?.opinion.ownerId ? ownerId : undefined;
  return (
    <Dialog
      visible={followUp !== null}
      title={followUp ? `标为${OPINION_STATE_LABELS[followUp.state]}` : ''}
      confirmText='确认'
      cancelText='取消'
      disableConfirmButton={needsReply && !reply.trim()}
      onConfirm={() => onConfirm(reply.trim(), changedOwner)}
      onCancel={onCancel}
      onClose={onCancel}
    >
      <View className='kc-contact-follow'>
        <Text className='kc-contact-follow__text'>{followUp?.opinion.text}</Text>
        <TextArea
          value={reply}
          onChange={setReply}
          maxLength={1000}
          showCount
          rows={3}
          placeholder={needsReply ? '请填写答复（队伍会看到）' : '说明如何解决的（可不填）'}
        />
        {options.length ? (
          <FormRow label='负责人'>
            <SelectField options={options} value={ownerId} placeholder='请选择' onPick={setOwnerId} />
          </FormRow>
        ) : null}
        <Text className='kc-muted'>状态只能向前推进，标记后不能退回。</Text>
      </View>
    </Dialog>
  );
}
