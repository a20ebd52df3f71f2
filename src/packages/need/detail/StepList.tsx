import { Text, View } from '@tarojs/components';
import { NEED_STEP_LABELS } from '@core/need-rules';
import { formatDateTime } from '@core/time';
import type { NeedStepView } from '@core/views/need';

/** 全部步骤: every step taken on the need, oldest first, with who took it and when. */
export function StepList({ steps }: { steps: NeedStepView[] }) {
  return (
    <>
      <View className='kc-section-title'>全部步骤（{steps.length}）</View>
      <View className='kc-card'>
        {steps.length ? (
          <View className='kc-need-steps'>
            {steps.map((step, index) => (
              <View key={`${step.at}-${index}`} className='kc-need-step'>
                <View className='kc-need-step__head'>
                  <Text className='kc-need-step__kind'>{NEED_STEP_LABELS[step.kind]}</Text>
                  <Text className='kc-muted'>
                    {formatDateTime(step.at)} · {step.byName}
                  </Text>
                </View>
                {step.note && step.note !== NEED_STEP_LABELS[step.kind] ? <Text className='kc-need-step__note'>{step.note}</Text> : null}
              </View>
            ))}
          </View>
        ) : (
          <View className='kc-muted'>还没有记录。</View>
        )}
      </View>
    </>
  );
}
