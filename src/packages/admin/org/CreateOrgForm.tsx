import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ORG_KIND_LABEL, ORG_NAME_MAX, UNIT_NAME_MAX } from '@core/admin-rules';
import { createOrgInput } from '@core/schemas/admin';
import type { OrgKind } from '@core/types';
import type { OrgNode, OrgTree } from '@core/views';
import { FormRow, SelectField } from '@/components/FormRow';
import { toastDone } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { adminService } from '@/services/admin';
import { newRequestId } from '@/services/request-id';
import { explainRefusal } from './refusal';
import './forms.scss';

const KIND_OPTIONS = (['league', 'party'] as const).map((kind) => ({ id: kind, name: ORG_KIND_LABEL[kind] }));

export type CreateOrgFormProps = {
  /** League orgs the new one may go under; the first is picked at first. */
  parents: OrgNode[];
  onDone: (tree: OrgTree) => void;
  onCancel: () => void;
};

/** A new league or party org under one of the caller's league orgs; a retried send creates it once. */
export function CreateOrgForm({ parents, onDone, onCancel }: CreateOrgFormProps) {
  const [parentId, setParentId] = useState(parents[0]?.id ?? '');
  const [kind, setKind] = useState<OrgKind>('league');
  const [name, setName] = useState('');
  const [unitName, setUnitName] = useState('');
  const [requestId] = useState(newRequestId);
  const [busy, setBusy] = useState(false);
  const { errors, check } = useFormErrors();

  const submit = async () => {
    if (busy) return;
    const checked = check(createOrgInput, { orgId: parentId, kind, name, unitName, requestId });
    if (!checked) return;
    setBusy(true);
    const result = await adminService.createOrg(checked);
    setBusy(false);
    if (!result.ok) return explainRefusal('无法新建', result);
    toastDone('已新建');
    onDone(result.data);
  };

  return (
    <View className='kc-card'>
      <Text className='kc-org-form__title'>新建下级组织</Text>
      <FormRow label='上级组织' required error={errors.orgId}>
        {parents.length > 1 ? (
          <SelectField options={parents} value={parentId} placeholder='请选择上级团组织' onPick={setParentId} />
        ) : (
          <Text>{parents[0]?.name ?? '没有可用的团组织'}</Text>
        )}
      </FormRow>
      <FormRow label='类型' required error={errors.kind}>
        <SelectField options={KIND_OPTIONS} value={kind} placeholder='请选择' onPick={setKind} />
      </FormRow>
      <FormRow label='名称' required error={errors.name}>
        <Input value={name} onChange={setName} placeholder='如：某研究院团委' maxLength={ORG_NAME_MAX} />
      </FormRow>
      <FormRow label='所在单位' required error={errors.unitName}>
        <Input value={unitName} onChange={setUnitName} placeholder='如：某研究院' maxLength={UNIT_NAME_MAX} />
      </FormRow>
      <View className='kc-actions'>
        <Button fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' loading={busy} onClick={submit}>
          新建
        </Button>
      </View>
    </View>
  );
}
