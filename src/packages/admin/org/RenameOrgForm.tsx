import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ORG_NAME_MAX, UNIT_NAME_MAX } from '@core/admin-rules';
import { renameOrgInput } from '@core/schemas/admin';
import type { OrgNode, OrgTree } from '@core/views';
import { FormRow } from '@/components/FormRow';
import { toastDone } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { adminService } from '@/services/admin';
import { explainRefusal } from './refusal';
import './forms.scss';

export type RenameOrgFormProps = { org: OrgNode; onDone: (tree: OrgTree) => void; onCancel: () => void };

/** The org's name and unit, as they should read from now on (the audit keeps the old ones). */
export function RenameOrgForm({ org, onDone, onCancel }: RenameOrgFormProps) {
  const [name, setName] = useState(org.name);
  const [unitName, setUnitName] = useState(org.unitName);
  const [busy, setBusy] = useState(false);
  const { errors, check } = useFormErrors();

  const submit = async () => {
    if (busy) return;
    const checked = check(renameOrgInput, { orgId: org.id, name, unitName });
    if (!checked) return;
    setBusy(true);
    const result = await adminService.renameOrg(checked);
    setBusy(false);
    if (!result.ok) return explainRefusal('无法修改', result);
    toastDone('已修改');
    onDone(result.data);
  };

  return (
    <View className='kc-card'>
      <Text className='kc-org-form__title'>修改名称</Text>
      <FormRow label='名称' required error={errors.name}>
        <Input value={name} onChange={setName} placeholder='组织全称' maxLength={ORG_NAME_MAX} />
      </FormRow>
      <FormRow label='所在单位' required error={errors.unitName}>
        <Input value={unitName} onChange={setUnitName} placeholder='组织所在的单位' maxLength={UNIT_NAME_MAX} />
      </FormRow>
      <View className='kc-actions'>
        <Button fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' loading={busy} onClick={submit}>
          保存
        </Button>
      </View>
    </View>
  );
}
