import { Picker, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import './index.scss';

export type FormRowProps = { label: string; required?: boolean; block?: boolean; children: ReactNode };

/** One labelled line of a form; `block` puts the control under the label (text areas, lists). */
export function FormRow({ label, required, block, children }: FormRowProps) {
  return (
    <View className={block ? 'kc-form-row kc-form-row--block' : 'kc-form-row'}>
      <Text className='kc-form-row__label'>
        {required ? <Text className='kc-form-row__required'>*</Text> : null}
        {label}
      </Text>
      <View className='kc-form-row__control'>{children}</View>
    </View>
  );
}

export type SelectFieldProps = {
  options: { id: string; name: string }[];
  value: string;
  placeholder: string;
  onPick: (id: string) => void;
};

export function SelectField({ options, value, placeholder, onPick }: SelectFieldProps) {
  const index = options.findIndex((option) => option.id === value);
  return (
    <Picker
      mode='selector'
      range={options.map((option) => option.name)}
      value={Math.max(index, 0)}
      onChange={(e) => onPick(options[Number(e.detail.value)].id)}
    >
      <View className={index >= 0 ? 'kc-select' : 'kc-select kc-select--empty'}>{index >= 0 ? options[index].name : placeholder}</View>
    </Picker>
  );
}

export type DateFieldProps = { value: string; start?: string; end?: string; onPick: (day: string) => void };

/** A YYYY-MM-DD day picked from the platform's date picker. */
export function DateField({ value, start, end, onPick }: DateFieldProps) {
  return (
    <Picker mode='date' value={value} start={start} end={end} onChange={(e) => onPick(String(e.detail.value))}>
      <View className='kc-select'>{value}</View>
    </Picker>
  );
}
