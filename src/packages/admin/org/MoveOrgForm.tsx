import { View } from '@tarojs/components';
import { useState } from 'react';
import type { OrgNode, OrgTree } from '@core/views';
import { FormRow, SelectField } from '@/components/FormRow';
import { confirmStep } from '@/hooks/feedback';
import { adminService } from '@/services/admin';
import { OrgFormCard, useTreeChange } from './OrgFormCard';

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
  const target = targets.find((node) => node.id === parentId);
  const change = useTreeChange('无法移动', '已移动', onDone);

  const submit = async () => {
    if (change.busy || !target) return;
    const below = org.kind === 'league' ? '及其下级组织' : '';
    const asked = `「${org.name}」${below}将移到「${target.name}」之下，「${target.name}」及其上级组织的管理员都可以管理它。`;
    if (!(await confirmStep('移动组织', asked, '移动'))) return;
    await change.run(() => adminService.moveOrg({ orgId: org.id, parentId: target.id }));
  };

  return (
    <OrgFormCard
      title='移动到…'
      submitLabel='移动'
      busy={change.busy}
      disabled={!target}
      onSubmit={() => void submit()}
      onCancel={onCancel}
    >
      {targets.length ? (
        <FormRow label='新的上级' required>
          <SelectField options={targets} value={parentId} placeholder='请选择团组织' onPick={setParentId} />
        </FormRow>
      ) : (
        <View className='kc-muted'>没有可以移到的团组织：只能移到你所管理的、未撤销的其他团组织之下。</View>
      )}
    </OrgFormCard>
  );
}
