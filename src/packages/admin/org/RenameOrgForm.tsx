import { useState } from 'react';
import { renameOrgInput } from '@core/schemas/admin';
import type { OrgNode, OrgTree } from '@core/views';
import { useFormErrors } from '@/hooks/useFormErrors';
import { adminService } from '@/services/admin';
import { NameUnitRows, OrgFormCard, useTreeChange } from './OrgFormCard';

export type RenameOrgFormProps = { org: OrgNode; onDone: (tree: OrgTree) => void; onCancel: () => void };

/** The org's name and unit, as they should read from now on (the audit keeps the old ones). */
export function RenameOrgForm({ org, onDone, onCancel }: RenameOrgFormProps) {
  const [name, setName] = useState(org.name);
  const [unitName, setUnitName] = useState(org.unitName);
  const { errors, check } = useFormErrors();
  const change = useTreeChange('无法修改', '已修改', onDone);

  const submit = () => {
    const checked = check(renameOrgInput, { orgId: org.id, name, unitName });
    if (checked) void change.run(() => adminService.renameOrg(checked));
  };

  return (
    <OrgFormCard title='修改名称' submitLabel='保存' busy={change.busy} onSubmit={submit} onCancel={onCancel}>
      <NameUnitRows
        name={name}
        unitName={unitName}
        onName={setName}
        onUnitName={setUnitName}
        errors={errors}
        placeholders={{ name: '组织全称', unitName: '组织所在的单位' }}
      />
    </OrgFormCard>
  );
}
