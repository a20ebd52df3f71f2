import { Text, View } from '@tarojs/components';
import type { NeedOutcome } from '@core/need-rules';
import { OUTCOME_OPTIONS } from './outcomes';

export type OutcomePickerProps = { value: NeedOutcome | ''; onPick: (outcome: NeedOutcome) => void };

/** The four outcomes, one line each saying what it does. */
export function OutcomePicker({ value, onPick }: OutcomePickerProps) {
  return (
    <View className='kc-need-decide__outcomes' ariaRole='radiogroup' ariaLabel='处理结果'>
      {OUTCOME_OPTIONS.map((option) => (
        <View
          key={option.outcome}
          className={option.outcome === value ? 'kc-need-decide__outcome kc-need-decide__outcome--on' : 'kc-need-decide__outcome'}
          ariaRole='radio'
          aria-checked={option.outcome === value}
          onClick={() => onPick(option.outcome)}
        >
          <Text className='kc-need-decide__outcome-name'>{option.label}</Text>
          <Text className='kc-muted'>{option.hint}</Text>
        </View>
      ))}
    </View>
  );
}
