import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CONTACT_KINDS, CONTACT_KIND_LABELS, type ContactKind } from '@core/contact-rules';
import { addRecordInput } from '@core/schemas/contact';
import { shanghaiDay } from '@core/time';
import type { ContactCycleChoice, ContactRecordView } from '@core/views';
import { DraftBanner } from '@/components/DraftBanner';
import { DateField, FormRow, SelectField } from '@/components/FormRow';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { contactService } from '@/services/contact';
import { cycleLabel } from '../links';

type RecordDraft = {
  /** `${orgId}_${cycle}` of the cycle it goes in. */
  cycleId: string;
  kind: ContactKind | '';
  day: string;
  participants: string;
  notes: string;
  opinions: string[];
  /** An opinion being typed, not yet added. */
  typing: string;
};

const KIND_OPTIONS = CONTACT_KINDS.map((kind) => ({ id: kind, name: CONTACT_KIND_LABELS[kind] }));
const idOf = (choice: ContactCycleChoice) => `${choice.orgId}_${choice.cycle}`;

export type RecordFormProps = {
  teamId: string;
  cycles: ContactCycleChoice[];
  /** The ledger's org and cycle the page was opened from: the form starts on it. */
  preferred: { orgId?: string; cycle?: string };
  onDone: (record: ContactRecordView) => void;
  onCancel: () => void;
};

/** 记录联系: kind, day, who took part, notes and opinions added one by one; kept on the phone until it is sent. */
export function RecordForm({ teamId, cycles, preferred, onDone, onCancel }: RecordFormProps) {
  const today = shanghaiDay(Date.now());
  const start = cycles.find((choice) => choice.orgId === preferred.orgId && choice.cycle === preferred.cycle) ?? cycles[0];
  const blank: RecordDraft = {
    cycleId: idOf(start),
    kind: '',
    day: today <= start.endDay ? today : start.endDay,
    participants: '',
    notes: '',
    opinions: [],
    typing: '',
  };
  const draft = useStoredDraft<RecordDraft>(`contact.record.${teamId}`, blank);
  const value = draft.value;
  const set = (changes: Partial<RecordDraft>) => draft.update({ ...value, ...changes });
  const chosen = cycles.find((choice) => idOf(choice) === value.cycleId) ?? start;
  const { errors, check, setErrors } = useFormErrors();
  const [sending, setSending] = useState(false);

  const addOpinion = () => {
    const text = value.typing.trim();
    if (text.length < 2) return setErrors({ ...errors, typing: '意见建议至少 2 个字' });
    setErrors({ ...errors, typing: '' });
    set({ opinions: [...value.opinions, text], typing: '' });
  };

  const send = async () => {
    if (sending) return;
    // What is still in the box counts as the last opinion: it was typed to be kept.
    const opinions = value.typing.trim() ? [...value.opinions, value.typing.trim()] : value.opinions;
    const checked = check(addRecordInput, {
      orgId: chosen.orgId,
      cycle: chosen.cycle,
      teamId,
      kind: value.kind || undefined,
      day: value.day,
      participants: value.participants,
      notes: value.notes,
      opinions,
      requestId: draft.requestId,
    });
    if (!checked) return;
    const asked = `这条联系记录${opinions.length ? `和 ${opinions.length} 条意见建议` : ''}保存后不能删除，队长可以看到。确定保存？`;
    if (!(await confirmStep('保存联系记录', asked, '保存'))) return;
    setSending(true);
    const result = await contactService.addRecord(checked);
    setSending(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    toastDone('已保存');
    onDone(result.data);
  };

  const lastDay = today < chosen.endDay ? today : chosen.endDay;
  return (
    <View className='kc-card'>
      <Text className='kc-contact__card-title'>记录一次联系</Text>
      {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
      {cycles.length > 1 ? (
        <FormRow label='联系周期' required>
          <SelectField
            options={cycles.map((choice) => ({ id: idOf(choice), name: `${choice.orgName} ${cycleLabel(choice.cycle, choice.endDay)}` }))}
            value={idOf(chosen)}
            placeholder='请选择'
            onPick={(cycleId) => set({ cycleId })}
          />
        </FormRow>
      ) : null}
      <FormRow label='联系方式' required error={errors.kind}>
        <SelectField options={KIND_OPTIONS} value={value.kind} placeholder='请选择' onPick={(kind) => set({ kind })} />
      </FormRow>
      <FormRow label='日期' required error={errors.day}>
        <DateField value={value.day} start={chosen.startDay} end={lastDay} onPick={(day) => set({ day })} />
      </FormRow>
      <FormRow label='参加人员' required error={errors.participants}>
        <Input value={value.participants} onChange={(participants) => set({ participants })} placeholder='如：王敏、李航' maxLength={200} />
      </FormRow>
      <FormRow label='情况记录' block error={errors.notes}>
        <TextArea
          value={value.notes}
          onChange={(notes) => set({ notes })}
          placeholder='了解到的情况、商定的事项'
          maxLength={2000}
          showCount
          rows={4}
        />
      </FormRow>
      <FormRow label='意见建议' block error={errors.opinions ?? errors.typing}>
        {value.opinions.map((text, at) => (
          <View key={`${at}-${text}`} className='kc-contact-form__opinion'>
            <Text className='kc-contact-form__opinion-text'>
              {at + 1}. {text}
            </Text>
            {errors[`opinions.${at}`] ? <Text className='kc-form-row__error'>{errors[`opinions.${at}`]}</Text> : null}
            <Text className='kc-link kc-link--danger' onClick={() => set({ opinions: value.opinions.filter((_, index) => index !== at) })}>
              删除
            </Text>
          </View>
        ))}
        <View className='kc-contact-form__add'>
          <Input value={value.typing} onChange={(typing) => set({ typing })} placeholder='一条意见或建议' maxLength={500} />
          <Button size='small' fill='outline' onClick={addOpinion}>
            添加
          </Button>
        </View>
      </FormRow>
      <View className='kc-actions'>
        <Button fill='outline' onClick={onCancel}>
          收起
        </Button>
        <Button type='primary' loading={sending} onClick={send}>
          保存记录
        </Button>
      </View>
    </View>
  );
}
