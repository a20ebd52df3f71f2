import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import './index.scss';

export type ScopeTabsProps<S extends string> = {
  options: { value: S; label: string }[];
  value: S;
  onChange: (value: S) => void;
  /** A button at the end that opens a page, e.g. 发布通知. */
  action?: { label: string; url: string };
};

/** Two or three views of one list (received / published) as chips, with an optional create button. */
export function ScopeTabs<S extends string>({ options, value, onChange, action }: ScopeTabsProps<S>) {
  return (
    <View className='kc-filters'>
      {options.map((option) => (
        <Text
          key={option.value}
          className={option.value === value ? 'kc-filter kc-filter--on' : 'kc-filter'}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </Text>
      ))}
      {action ? (
        <Button size='small' type='primary' className='kc-scope-tabs__action' onClick={() => void Taro.navigateTo({ url: action.url })}>
          {action.label}
        </Button>
      ) : null}
    </View>
  );
}
