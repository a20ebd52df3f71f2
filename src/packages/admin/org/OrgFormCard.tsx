import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState, type ReactNode } from 'react';
import { ORG_NAME_MAX, UNIT_NAME_MAX } from '@core/admin-rules';
import type { Result } from '@core/errors';
import type { OrgTree } from '@core/views';
import { FormRow } from '@/components/FormRow';
import { toastDone } from '@/hooks/feedback';
import { explainRefusal } from './refusal';
import './forms.scss';

export type OrgFormCardProps = {
  title: string;
  submitLabel: string;
  busy: boolean;
  disabled?: boolean;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
};

/** The card every change to one org is made in: a title, its fields, 取消 and the change's own button. */
export function OrgFormCard({ title, submitLabel, busy, disabled, onSubmit, onCancel, children }: OrgFormCardProps) {
  return (
    <View className='kc-card'>
      <Text className='kc-org-form__title'>{title}</Text>
      {children}
      <View className='kc-actions'>
        <Button fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' disabled={disabled} loading={busy} onClick={onSubmit}>
          {submitLabel}
        </Button>
      </View>
    </View>
  );
}

/** Sends one change of the tree at a time; a refusal is explained in full, success says `doneText` and hands on the new tree. */
export function useTreeChange(refusalTitle: string, doneText: string, onDone: (tree: OrgTree) => void) {
  const [busy, setBusy] = useState(false);
  const run = async (call: () => Promise<Result<OrgTree>>) => {
    if (busy) return;
    setBusy(true);
    const result = await call();
    setBusy(false);
    if (!result.ok) return explainRefusal(refusalTitle, result);
    toastDone(doneText);
    onDone(result.data);
  };
  return { busy, run };
}

export type NameUnitRowsProps = {
  name: string;
  unitName: string;
  onName: (value: string) => void;
  onUnitName: (value: string) => void;
  errors: Partial<Record<'name' | 'unitName', string>>;
  placeholders: { name: string; unitName: string };
};

/** An org's name and the unit it belongs to. */
export function NameUnitRows({ name, unitName, onName, onUnitName, errors, placeholders }: NameUnitRowsProps) {
  return (
    <>
      <FormRow label='名称' required error={errors.name}>
        <Input value={name} onChange={onName} placeholder={placeholders.name} maxLength={ORG_NAME_MAX} />
      </FormRow>
      <FormRow label='所在单位' required error={errors.unitName}>
        <Input value={unitName} onChange={onUnitName} placeholder={placeholders.unitName} maxLength={UNIT_NAME_MAX} />
      </FormRow>
    </>
  );
}
