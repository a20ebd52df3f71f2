import { Text, View } from '@tarojs/components';
import { Input, TextArea } from '@nutui/nutui-react-taro';
import { FIELDS } from '@core/fields';
import { BUDGET_RANGES, NEED_VISIBILITIES, NEED_VISIBILITY_LABELS, type NeedVisibility } from '@core/need-rules';
import type { FieldErrors } from '@core/validate';
import { FormRow, SelectField, type SelectOption } from '@/components/FormRow';
import type { NeedFormValue } from './need-form';

const FIELD_OPTIONS = FIELDS.map((field) => ({ id: field, name: field }));
const BUDGET_OPTIONS = BUDGET_RANGES.filter(Boolean).map((budget) => ({ id: budget, name: budget }));

const WHO_SEES: Record<NeedVisibility, string> = {
  public: '所有用户都能在「企业需求」中看到需求内容和企业名称；联系人和手机号只有团组织看得到。',
  organizers: '只有所属团组织的管理员和接单干部看得到，不出现在「企业需求」中。',
};

export type NeedFormProps = {
  value: NeedFormValue;
  errors: FieldErrors;
  /** The active enterprises the user is a contact of: a picker only when there are several. */
  enterprises: SelectOption<string>[];
  onChange: (value: NeedFormValue) => void;
};

/** The need as grouped cells: what it is, the problem and goals, budget and who sees it, whom to contact. */
export function NeedForm({ value, errors, enterprises, onChange }: NeedFormProps) {
  const patch = (changes: Partial<NeedFormValue>) => onChange({ ...value, ...changes });
  return (
    <>
      <View className='kc-card'>
        {enterprises.length > 1 ? (
          <FormRow label='发布企业' required error={errors.enterpriseId}>
            <SelectField
              options={enterprises}
              value={value.enterpriseId}
              placeholder='请选择'
              onPick={(enterpriseId) => patch({ enterpriseId })}
            />
          </FormRow>
        ) : null}
        <FormRow label='需求名称' required error={errors.title}>
          <Input value={value.title} onChange={(title) => patch({ title })} placeholder='一句话说清要解决的问题' maxLength={60} />
        </FormRow>
        <FormRow label='所属领域' required error={errors.field}>
          <SelectField options={FIELD_OPTIONS} value={value.field} placeholder='请选择领域' onPick={(field) => patch({ field })} />
        </FormRow>
      </View>

      <View className='kc-card'>
        <FormRow label='问题与现状' required block error={errors.problem}>
          <TextArea
            value={value.problem}
            onChange={(problem) => patch({ problem })}
            placeholder='遇到了什么问题，现在做到什么程度，卡在哪里'
            maxLength={2000}
            showCount
            rows={5}
          />
        </FormRow>
        <FormRow label='目标指标' required block error={errors.targets}>
          <TextArea
            value={value.targets}
            onChange={(targets) => patch({ targets })}
            placeholder='希望达到的可衡量指标，如：估算误差 ≤ 2%'
            maxLength={1000}
            showCount
            rows={3}
          />
        </FormRow>
        <FormRow label='期望周期' required error={errors.timeline}>
          <Input value={value.timeline} onChange={(timeline) => patch({ timeline })} placeholder='如：12 个月' maxLength={100} />
        </FormRow>
      </View>

      <View className='kc-card'>
        <FormRow label='预算范围' error={errors.budget}>
          <View className='kc-row'>
            <SelectField options={BUDGET_OPTIONS} value={value.budget} placeholder='选填' onPick={(budget) => patch({ budget })} />
            {value.budget ? (
              <Text className='kc-link' onClick={() => patch({ budget: '' })}>
                不填
              </Text>
            ) : null}
          </View>
        </FormRow>
        <FormRow label='公开范围' required block error={errors.visibility}>
          <View className='kc-filters kc-need-form__visibility'>
            {NEED_VISIBILITIES.map((visibility) => (
              <Text
                key={visibility}
                className={value.visibility === visibility ? 'kc-filter kc-filter--on' : 'kc-filter'}
                onClick={() => patch({ visibility })}
              >
                {NEED_VISIBILITY_LABELS[visibility]}
              </Text>
            ))}
          </View>
          <Text className='kc-muted'>{WHO_SEES[value.visibility]}</Text>
        </FormRow>
      </View>

      <View className='kc-card'>
        <FormRow label='联系人' required error={errors.contactName}>
          <Input value={value.contactName} onChange={(contactName) => patch({ contactName })} placeholder='对接人姓名' maxLength={20} />
        </FormRow>
        <FormRow label='手机号' required error={errors.contactPhone}>
          <Input
            value={value.contactPhone}
            onChange={(contactPhone) => patch({ contactPhone })}
            placeholder='仅团组织可见'
            type='digit'
            maxLength={11}
          />
        </FormRow>
      </View>
    </>
  );
}
