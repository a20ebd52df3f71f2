import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { OrgNode, OrgTree } from '@core/views';
import { FormRow, SelectField } from '@/components/FormRow';
import { confirmStep, toastDone } from '@/hooks/feedback';
import { adminService } from '@/services/admin';
import { explainRefusal } from './refusal';
import './forms.scss';

export type MoveOrgFormProps = {
  org: OrgNode;
  /** Active league orgs the caller manages, without the org itself, its descendants or its current parent. */
  targets: OrgNode[];
  onDone: (tree: OrgTree) => void;
  onCancel: () => void;
};

/** A new parent for the org: who manages it changes with it, so it is confirmed first. */
export function MoveOrgForm({ org, targets, onDone, onCancel }: MoveOrgFormProps) {
  const [parentId, setParentId] = useState('');
  const [busy, setBusy] = useState(false);
  const target = targets.find((node) => node.id === parentId);

  const submit = async () => {
    if (busy || !target) return;
    const below = org.kind === 'league' ? '及其下级组织' : '';
    const asked = `「${org.name}」${below}将移到「${target.name}」之下，「${target.name}」及其上级组织的管理员都可以管理它。`;
    if (!(await confirmStep('移动组织', asked, '移动'))) return;
    setBusy(true);
    const result = await adminService.moveOrg({ orgId: org.id, parentId: target.id });
    setBusy(false);
    if (!result.ok) return explainRefusal('无法移动', result);
    toastDone('已移动');
    onDone(result.data);
  };

  return (
    <View className='kc-card'>
      <Text className='kc-org-form__title'>移动到…</Text>
      {targets.length ? (
        <FormRow label='新的上级' required>
          <SelectField options={targets} value={parentId} placeholder='请选择团组织' onPick={setParentId} />
        </FormRow>
      ) : (
        <View className='kc-muted'>没有可以移到的团组织：只能移到你所管理的、未撤销的其他团组织之下。</View>
      )}
      <View className='kc-actions'>
        <Button fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' disabled={!target} loading={busy} onClick={submit}>
          移动
        </Button>
      </View>
    </View>
  );
}
