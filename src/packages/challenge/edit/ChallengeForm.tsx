import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { CHALLENGE_MODES, MAX_RACE_TEAMS, MAX_TARGETS, MODE_LABELS, type ChallengeMode } from '@core/challenge-rules';
import { FIELDS, type Field } from '@core/fields';
import type { Target } from '@core/types';
import { DateField, FormRow, SelectField } from '@/components/FormRow';
import type { FieldErrors } from '@core/validate';

/** 赛马 runs 2 to MAX_RACE_TEAMS teams side by side. */
const RACE_TEAM_OPTIONS = Array.from({ length: MAX_RACE_TEAMS - 1 }, (_, index) => ({ id: String(index + 2), name: `${index + 2} 队` }));

export type ChallengeFormValue = {
  title: string;
  field: Field | '';
  issuerUnit: string;
  issuerContact: string;
  issuerPhone: string;
  background: string;
  targets: Target[];
  deliverables: string;
  claimDeadline: string;
  deliveryDeadline: string;
  mode: ChallengeMode;
  maxTeams: number;
  reward: string;
};

export type ChallengeFormProps = {
  /** Each invalid field's message, by field. */
  errors?: FieldErrors;
  value: ChallengeFormValue;
  /** Mode and places are fixed once the challenge is published. */
  published: boolean;
  today: string;
  onChange: (value: ChallengeFormValue) => void;
};

const FIELD_OPTIONS = FIELDS.map((field) => ({ id: field, name: field }));

export function ChallengeForm({ value, published, today, errors = {}, onChange }: ChallengeFormProps) {
  const patch = (changes: Partial<ChallengeFormValue>) => onChange({ ...value, ...changes });
  const setTarget = (index: number, changes: Partial<Target>) =>
    patch({ targets: value.targets.map((target, i) => (i === index ? { ...target, ...changes } : target)) });
  return (
    <>
      <View className='kc-card'>
        <FormRow label='榜单名称' required error={errors.title}>
          <Input value={value.title} onChange={(title) => patch({ title })} placeholder='一句话说清攻关需求' maxLength={40} />
        </FormRow>
        <FormRow label='所属领域' required error={errors.field}>
          <SelectField options={FIELD_OPTIONS} value={value.field} placeholder='请选择领域' onPick={(field) => patch({ field })} />
        </FormRow>
        <FormRow label='出题单位' required error={errors.issuerUnit}>
          <Input value={value.issuerUnit} onChange={(issuerUnit) => patch({ issuerUnit })} placeholder='提出需求的单位' maxLength={40} />
        </FormRow>
        <FormRow label='联系人' required error={errors.issuerContact}>
          <Input
            value={value.issuerContact}
            onChange={(issuerContact) => patch({ issuerContact })}
            placeholder='出题单位联系人'
            maxLength={20}
          />
        </FormRow>
        <FormRow label='联系电话' error={errors.issuerPhone}>
          <Input
            value={value.issuerPhone}
            onChange={(issuerPhone) => patch({ issuerPhone })}
            placeholder='仅揭榜队伍可见（选填）'
            type='digit'
            maxLength={11}
          />
        </FormRow>
        <FormRow label='需求背景' required block error={errors.background}>
          <TextArea
            value={value.background}
            onChange={(background) => patch({ background })}
            placeholder='现状、痛点和为什么要攻关'
            maxLength={1000}
            showCount
            rows={4}
          />
        </FormRow>
      </View>

      <View className='kc-section-title'>考核指标（可衡量）</View>
      <View className='kc-card'>
        {value.targets.map((target, index) => (
          <View key={index} className='kc-target-row'>
            <Input
              value={target.indicator}
              onChange={(indicator) => setTarget(index, { indicator })}
              placeholder={`指标 ${index + 1}，如：故障注入覆盖率`}
              maxLength={40}
            />
            <View className='kc-row'>
              <Input value={target.value} onChange={(v) => setTarget(index, { value: v })} placeholder='目标值，如 ≥ 99' maxLength={20} />
              <Input value={target.unit} onChange={(unit) => setTarget(index, { unit })} placeholder='单位' maxLength={10} />
              {value.targets.length > 1 ? (
                <Text className='kc-link kc-link--danger' onClick={() => patch({ targets: value.targets.filter((_, i) => i !== index) })}>
                  删除
                </Text>
              ) : null}
            </View>
          </View>
        ))}
        {value.targets.length < MAX_TARGETS ? (
          <Button size='small' fill='dashed' onClick={() => patch({ targets: [...value.targets, { indicator: '', value: '', unit: '' }] })}>
            添加指标
          </Button>
        ) : null}
      </View>

      <View className='kc-card'>
        <FormRow label='交付成果' required block error={errors.deliverables}>
          <TextArea
            value={value.deliverables}
            onChange={(deliverables) => patch({ deliverables })}
            placeholder='需要交付什么，如样机、报告、源代码'
            maxLength={500}
            showCount
            rows={3}
          />
        </FormRow>
        <FormRow label='揭榜截止' required error={errors.claimDeadline}>
          <DateField value={value.claimDeadline} start={today} onPick={(claimDeadline) => patch({ claimDeadline })} />
        </FormRow>
        <FormRow label='交付截止' required error={errors.deliveryDeadline}>
          <DateField
            value={value.deliveryDeadline}
            start={value.claimDeadline}
            onPick={(deliveryDeadline) => patch({ deliveryDeadline })}
          />
        </FormRow>
        <FormRow label='揭榜模式' required>
          {published ? (
            <Text>{MODE_LABELS[value.mode]}</Text>
          ) : (
            <View className='kc-filters kc-filters--inline'>
              {CHALLENGE_MODES.map((mode) => (
                <Text key={mode} className={value.mode === mode ? 'kc-filter kc-filter--on' : 'kc-filter'} onClick={() => patch({ mode })}>
                  {MODE_LABELS[mode]}
                </Text>
              ))}
            </View>
          )}
        </FormRow>
        {value.mode === 'race' ? (
          <FormRow label='并行队伍数' required error={errors.maxTeams}>
            {published ? (
              <Text>{value.maxTeams}</Text>
            ) : (
              <SelectField
                options={RACE_TEAM_OPTIONS}
                value={String(value.maxTeams)}
                placeholder='请选择'
                onPick={(picked) => patch({ maxTeams: Number(picked) })}
              />
            )}
          </FormRow>
        ) : null}
        <FormRow label='奖励说明' error={errors.reward}>
          <Input
            value={value.reward}
            onChange={(reward) => patch({ reward })}
            placeholder='如经费支持、成果转化机会（选填）'
            maxLength={200}
          />
        </FormRow>
      </View>
    </>
  );
}
