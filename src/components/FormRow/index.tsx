import { Picker, Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { DAY_MS, formatDay, shanghaiDay } from '@core/time';
import './index.scss';

export type FormRowProps = {
  label: string;
  required?: boolean;
  block?: boolean;
  /** What is wrong with this field, shown in red under it. */
  error?: string;
  children: ReactNode;
};

/** One labelled line of a form; `block` puts the control under the label (text areas, lists). */
export function FormRow({ label, required, block, error, children }: FormRowProps) {
  const classes = ['kc-form-row', block ? 'kc-form-row--block' : '', error ? 'kc-form-row--invalid' : ''].filter(Boolean).join(' ');
  return (
    <View className={classes}>
      <View className='kc-form-row__line'>
        <Text className='kc-form-row__label'>
          {required ? <Text className='kc-form-row__required'>*</Text> : null}
          {label}
        </Text>
        <View className='kc-form-row__control'>{children}</View>
      </View>
      {error ? <Text className='kc-form-row__error'>{error}</Text> : null}
    </View>
  );
}

export type SelectOption<T extends string> = { id: T; name: string };

export type SelectFieldProps<T extends string> = {
  options: readonly SelectOption<T>[];
  /** '' while nothing is picked. */
  value: T | '';
  placeholder: string;
  onPick: (id: T) => void;
};

/** One of `options`, picked from the platform's picker; `onPick` gets the option's own id type. */
export function SelectField<T extends string>({ options, value, placeholder, onPick }: SelectFieldProps<T>) {
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

/** How far a date picker reaches past the bound it was given (or today), so it never spans 1970–2500. */
const PICKER_REACH_MS = 3 * 365 * DAY_MS;

/** A YYYY-MM-DD day picked from the platform's date picker, within a few years of what matters. */
export function DateField({ value, start, end, onPick }: DateFieldProps) {
  const anchor = Date.parse(`${start ?? end ?? shanghaiDay(Date.now())}T00:00:00+08:00`);
  const from = start ?? shanghaiDay(anchor - PICKER_REACH_MS);
  const to = end ?? shanghaiDay(anchor + PICKER_REACH_MS);
  return (
    <Picker mode='date' value={value} start={from} end={to} onChange={(e) => onPick(String(e.detail.value))}>
      <View className='kc-select'>{value ? formatDay(value) : '请选择日期'}</View>
    </Picker>
  );
}
