import { Text, View } from '@tarojs/components';
import { Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { FIELDS, type Field } from '@core/fields';
import type { FieldErrors } from '@core/validate';
import type { OrgOptions } from '@core/views';
import { FormRow as Row, SelectField as Select } from '../FormRow';

export type TeamFormValue = {
  name: string;
  field: Field | '';
  intro: string;
  unitName: string;
  leagueOrgId: string;
  partyOrgId: string;
  crossUnit: boolean;
};

export type TeamFormProps = {
  value: TeamFormValue;
  orgs: OrgOptions;
  /** The league org is chosen when applying and fixed afterwards. */
  leagueOrgEditable: boolean;
  errors?: FieldErrors;
  onChange: (value: TeamFormValue) => void;
};

export function TeamForm({ value, orgs, leagueOrgEditable, errors = {}, onChange }: TeamFormProps) {
  const patch = (changes: Partial<TeamFormValue>) => onChange({ ...value, ...changes });
  const fieldOptions = FIELDS.map((field) => ({ id: field, name: field }));
  const leagueName = orgs.league.find((org) => org.id === value.leagueOrgId)?.name ?? '';
  return (
    <View className='kc-card kc-team-form'>
      <Row label='队伍名称' required error={errors.name}>
        <Input value={value.name} onChange={(name) => patch({ name })} placeholder='如：车规级芯片青年突击队' />
      </Row>
      <Row label='攻关领域' required error={errors.field}>
        <Select options={fieldOptions} value={value.field} placeholder='请选择领域' onPick={(field) => patch({ field })} />
      </Row>
      <Row label='所在单位' required error={errors.unitName}>
        <Input value={value.unitName} onChange={(unitName) => patch({ unitName })} placeholder='队伍依托的单位全称' />
      </Row>
      <Row label='所属团组织' required error={errors.leagueOrgId}>
        {leagueOrgEditable ? (
          <Select
            options={orgs.league}
            value={value.leagueOrgId}
            placeholder='负责备案的团组织'
            onPick={(leagueOrgId) => patch({ leagueOrgId })}
          />
        ) : (
          <Text>{leagueName}</Text>
        )}
      </Row>
      <Row label='单位党组织' required error={errors.partyOrgId}>
        <Select
          options={orgs.party}
          value={value.partyOrgId}
          placeholder='所在单位的党组织'
          onPick={(partyOrgId) => patch({ partyOrgId })}
        />
      </Row>
      <Row label='跨单位组队'>
        <Switch ariaLabel='跨单位组队' checked={value.crossUnit} onChange={(crossUnit) => patch({ crossUnit })} />
      </Row>
      <Row label='队伍简介' block error={errors.intro}>
        <TextArea
          value={value.intro}
          onChange={(intro) => patch({ intro })}
          placeholder='攻关方向、目标和现有基础（选填）'
          maxLength={300}
          showCount
          rows={4}
        />
      </Row>
    </View>
  );
}
