import { Text, View } from '@tarojs/components';
import { Dialog, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';

export type InviteDialogProps = { visible: boolean; onInvite: (name: string) => void; onCancel: () => void };

/** 邀请专家: the reviewer's name; a one-time code for them is issued next. */
export function InviteDialog({ visible, onInvite, onCancel }: InviteDialogProps) {
  const [name, setName] = useState('');
  useEffect(() => {
    if (visible) setName('');
  }, [visible]);
  const trimmed = name.trim();
  return (
    <Dialog
      visible={visible}
      title='邀请评审专家'
      confirmText='生成征榜评审码'
      cancelText='取消'
      disableConfirmButton={trimmed.length < 2 || trimmed.length > 20}
      onConfirm={() => onInvite(trimmed)}
      onCancel={onCancel}
      onClose={onCancel}
    >
      <View className='kc-solicit__invite'>
        <Input value={name} onChange={setName} placeholder='专家姓名，如：何教授' maxLength={20} />
        <Text className='kc-muted'>评审专家应在发榜团组织和出题企业之外。生成的评审码只显示一次，交给专家本人。</Text>
      </View>
    </Dialog>
  );
}
