import { Text } from '@tarojs/components';
import { useState } from 'react';
import { ORG_KIND_LABEL } from '@core/admin-rules';
import { createOrgInput } from '@core/schemas/admin';
import type { OrgKind } from '@core/types';
import type { OrgNode, OrgTree } from '@core/views';
import { FormRow, SelectField } from '@/components/FormRow';
import { useFormErrors } from '@/hooks/useFormErrors';
import { adminService } from '@/services/admin';
import { newRequestId } from '@/services/request-id';
import { NameUnitRows, OrgFormCard, useTreeChange } from './OrgFormCard';

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
  const { errors, check } = useFormErrors();
  const change = useTreeChange('无法新建', '已新建', onDone);

  const submit = () => {
    const checked = check(createOrgInput, { orgId: parentId, kind, name, unitName, requestId });
    if (checked) void change.run(() => adminService.createOrg(checked));
  };

  return (
    <OrgFormCard title='新建下级组织' submitLabel='新建' busy={change.busy} onSubmit={submit} onCancel={onCancel}>
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
      <NameUnitRows
        name={name}
        unitName={unitName}
        onName={setName}
        onUnitName={setUnitName}
        errors={errors}
        placeholders={{ name: '如：某研究院团委', unitName: '如：某研究院' }}
      />
    </OrgFormCard>
  );
}
