import { Text, View } from '@tarojs/components';
import { Checkbox } from '@nutui/nutui-react-taro';
import { MAX_RECOMMENDED_TEAMS } from '@core/need-rules';
import type { Field } from '@core/fields';
import type { TeamOption } from '@core/views/need';

export type TeamPickerProps = { options: TeamOption[]; field: Field; picked: string[]; onChange: (picked: string[]) => void };

/** Up to MAX_RECOMMENDED_TEAMS registered teams of the org, those of the need's field first. */
export function TeamPicker({ options, field, picked, onChange }: TeamPickerProps) {
  const ordered = [...options.filter((team) => team.field === field), ...options.filter((team) => team.field !== field)];
  const full = picked.length >= MAX_RECOMMENDED_TEAMS;
  const toggle = (teamId: string, on: boolean) => onChange(on ? [...picked, teamId] : picked.filter((id) => id !== teamId));
  if (!ordered.length) return <View className='kc-muted'>本组织及下级组织还没有已登记的突击队可以推荐。</View>;
  return (
    <View className='kc-need-decide__choices'>
      <Text className='kc-muted'>
        已选 {picked.length} / {MAX_RECOMMENDED_TEAMS} 支，与需求同领域（{field}）的排在前面
      </Text>
      {ordered.map((team) => (
        <Checkbox
          key={team.id}
          checked={picked.includes(team.id)}
          disabled={full && !picked.includes(team.id)}
          onChange={(on) => toggle(team.id, on)}
          label={`${team.name}（${team.orgName} · ${team.field}）`}
        />
      ))}
    </View>
  );
}
