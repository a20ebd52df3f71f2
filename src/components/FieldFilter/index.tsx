import { Picker, Text } from '@tarojs/components';
import { FIELDS, type Field } from '@core/fields';

const ALL_FIELDS = '全部领域';
const RANGE = [ALL_FIELDS, ...FIELDS];

export type FieldFilterProps = {
  /** null is 全部领域. */
  value: Field | null;
  onChange: (field: Field | null) => void;
};

/** The 领域 chip of a list's filter row (动态, 榜单): 全部领域 first, then each field. */
export function FieldFilter({ value, onChange }: FieldFilterProps) {
  return (
    <Picker
      mode='selector'
      range={RANGE}
      value={value === null ? 0 : FIELDS.indexOf(value) + 1}
      onChange={(e) => {
        const index = Number(e.detail.value);
        onChange(index === 0 ? null : FIELDS[index - 1]);
      }}
    >
      <Text className={value === null ? 'kc-filter' : 'kc-filter kc-filter--on'}>{value ?? ALL_FIELDS} ▾</Text>
    </Picker>
  );
}
