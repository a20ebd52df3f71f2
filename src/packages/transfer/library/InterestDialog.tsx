import { Text, View } from '@tarojs/components';
import { Dialog, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { LibraryItem } from '@core/views';
import { FormRow, SelectField } from '@/components/FormRow';

export const MESSAGE_MIN = 10;
export const MESSAGE_MAX = 500;

export type EnterpriseScope = { id: string; name: string };

export type InterestDialogProps = {
  item: LibraryItem | null;
  enterprises: EnterpriseScope[];
  /** Resolves true once sent; on false the dialog stays open with what was typed. */
  onSend: (enterpriseId: string, message: string) => Promise<boolean>;
  onCancel: () => void;
};

/** 表达合作意向: what the enterprise would like (10–500 字) and, for a contact of several, on whose behalf. */
export function InterestDialog({ item, enterprises, onSend, onCancel }: InterestDialogProps) {
  const [message, setMessage] = useState('');
  const [enterpriseId, setEnterpriseId] = useState('');
  useEffect(() => {
    if (!item) return;
    setMessage('');
    setEnterpriseId(enterprises.length === 1 ? enterprises[0].id : '');
  }, [item, enterprises]);
  const length = message.trim().length;
  const ready = enterpriseId !== '' && length >= MESSAGE_MIN && length <= MESSAGE_MAX;
  return (
    <Dialog
      visible={item !== null}
      title='表达合作意向'
      confirmText='发送'
      cancelText='取消'
      disableConfirmButton={!ready}
      onConfirm={async () => {
        // The dialog closes after onConfirm settles unless it throws: a failed send keeps the text to retry.
        if (!(await onSend(enterpriseId, message.trim()))) throw new Error('not sent');
      }}
      onCancel={onCancel}
      onClose={onCancel}
    >
      <View className='kc-library-interest'>
        <Text className='kc-library-interest__title'>{item?.title}</Text>
        {enterprises.length > 1 ? (
          <FormRow label='代表企业' required>
            <SelectField options={enterprises} value={enterpriseId} placeholder='请选择' onPick={setEnterpriseId} />
          </FormRow>
        ) : null}
        <TextArea
          value={message}
          onChange={setMessage}
          maxLength={MESSAGE_MAX}
          showCount
          rows={4}
          placeholder={`想怎样合作：许可、转让、联合开发……（至少 ${MESSAGE_MIN} 个字）`}
        />
        <Text className='kc-muted'>意向先送到团队所属的团组织，由团组织转达团队；你的姓名和电话会一并转达。</Text>
      </View>
    </Dialog>
  );
}
