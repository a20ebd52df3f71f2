import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { NEED_OUTCOME_LABELS, type NeedOutcome } from '@core/need-rules';
import { decideNeedInput } from '@core/schemas/need';
import type { NeedDetail, TeamOption } from '@core/views/need';
import { FormRow } from '@/components/FormRow';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { needService } from '@/services/need';
import { needDetailUrl } from '../components/links';
import { MergePicker } from './MergePicker';
import { OutcomePicker } from './OutcomePicker';
import { TeamPicker } from './TeamPicker';

export type DecideFormProps = { need: NeedDetail; teams: TeamOption[] };

/** What the outcome will do, said once more before it is recorded. */
function consequence(outcome: NeedOutcome, need: NeedDetail, teams: TeamOption[], teamIds: string[]): string {
  switch (outcome) {
    case 'challenge':
      return '将生成一份征榜草稿并与本需求关联。补全榜单、出题方承诺经企业确认、专家评审通过后才能发榜。企业会看到处理结果和原因。';
    case 'recommend': {
      const names = teams.filter((team) => teamIds.includes(team.id)).map((team) => team.name);
      return `向「${need.enterpriseName}」推荐 ${names.length} 支团队：${names.join('、')}。需求将结束为「已推荐团队」，企业和团队都会收到通知。`;
    }
    case 'merge':
      return '本需求将结束为「已合并」，企业会看到合并到的需求和原因。';
    case 'decline':
      return '需求将结束为「未采纳」，企业会看到原因，记录保留。';
  }
}

/** Choose the outcome and say why; recommend picks teams, merge picks the other need. */
export function DecideForm({ need, teams }: DecideFormProps) {
  const [outcome, setOutcome] = useState<NeedOutcome | ''>('');
  const [reason, setReason] = useState('');
  const [teamIds, setTeamIds] = useState<string[]>([]);
  const [mergeInto, setMergeInto] = useState('');
  const [busy, setBusy] = useState(false);
  const { errors, check } = useFormErrors();

  const decide = async () => {
    if (busy) return;
    const checked = check(decideNeedInput, {
      needId: need.id,
      outcome,
      reason,
      ...(outcome === 'recommend' ? { teamIds } : {}),
      ...(outcome === 'merge' && mergeInto ? { mergeInto } : {}),
    });
    if (!checked) return;
    const title = `处理为「${NEED_OUTCOME_LABELS[checked.outcome]}」`;
    if (!(await confirmStep(title, consequence(checked.outcome, need, teams, teamIds), '确认'))) return;
    setBusy(true);
    const result = await needService.decide(checked);
    setBusy(false);
    if (!result.ok) return toastFailure(result);
    toastDone('已处理');
    const challenge = result.data.outcome?.challenge;
    if (checked.outcome === 'challenge' && challenge) {
      void Taro.redirectTo({ url: `/packages/challenge/solicit/index?id=${challenge.id}` });
    } else if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: needDetailUrl(need.id) });
  };

  return (
    <>
      <View className='kc-section-title'>处理结果</View>
      <View className='kc-card'>
        <OutcomePicker value={outcome} onPick={setOutcome} />
        {errors.outcome ? <Text className='kc-need-decide__error'>{errors.outcome}</Text> : null}
      </View>
      {outcome === 'recommend' ? (
        <>
          <View className='kc-section-title'>推荐的团队</View>
          <View className='kc-card'>
            <TeamPicker options={teams} field={need.field} picked={teamIds} onChange={setTeamIds} />
            {errors.teamIds || errors[''] ? <Text className='kc-need-decide__error'>{errors.teamIds || errors['']}</Text> : null}
          </View>
        </>
      ) : null}
      {outcome === 'merge' ? (
        <>
          <View className='kc-section-title'>合并到</View>
          <View className='kc-card'>
            <MergePicker need={need} value={mergeInto} onPick={setMergeInto} />
            {errors.mergeInto || errors[''] ? <Text className='kc-need-decide__error'>{errors.mergeInto || errors['']}</Text> : null}
          </View>
        </>
      ) : null}
      <View className='kc-card'>
        <FormRow label='原因' required block error={errors.reason}>
          <TextArea value={reason} onChange={setReason} maxLength={200} showCount rows={3} placeholder='写明这样处理的原因，企业会看到' />
        </FormRow>
      </View>
      <Button type='primary' block loading={busy} onClick={() => void decide()}>
        确认处理
      </Button>
    </>
  );
}
