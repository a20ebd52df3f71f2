import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CLAIM_STATUS_LABELS, CLOSED_BEFORE_REVIEW } from '@core/challenge-rules';
import { closeChallengeInput } from '@core/schemas/challenge';
import type { ClaimView } from '@core/views';
import { FormRow } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { challengeService } from '@/services/challenge';
import { useFormErrors } from '@/hooks/useFormErrors';

type Outcome = 'success' | 'failed';

/** What closing does to the claims nobody has reviewed yet, in the words the server records. */
function awaitingNote(awaiting: ClaimView[]): string {
  if (!awaiting.length) return '';
  const names = awaiting.slice(0, 3).map((claim) => `「${claim.teamName}」`);
  const teams = awaiting.length > 3 ? `${names.join('、')}等 ${awaiting.length} 支队伍` : names.join('、');
  return `${teams}尚未评榜，结榜后将记为「${CLAIM_STATUS_LABELS.not_selected}」（${CLOSED_BEFORE_REVIEW}）并通知队长。`;
}

export default function CloseChallengePage() {
  const { errors, check } = useFormErrors();
  const challengeId = useRouter().params.id ?? '';
  const remote = useRemote(() => challengeService.detail(challengeId), [challengeId]);
  const [result, setResult] = useState<Outcome>('success');
  const [winners, setWinners] = useState<string[]>([]);
  const [summary, setSummary] = useState('');
  const [saving, setSaving] = useState(false);
  const detail = remote.data;
  const racing = detail?.claims.filter((claim) => claim.status === 'accepted') ?? [];
  const awaiting = detail?.claims.filter((claim) => claim.status === 'applied') ?? [];
  /** A single-擂主 challenge has one winner: picking a team replaces the previous pick. */
  const pickWinner = (teamId: string, on: boolean) => {
    const others = detail?.mode === 'single' ? [] : winners.filter((id) => id !== teamId);
    setWinners(on ? [...others, teamId] : others);
  };

  const submit = async () => {
    const checked = check(closeChallengeInput, { challengeId, result, winners: result === 'success' ? winners : [], summary });
    if (!checked) return;
    const names = racing.filter((claim) => winners.includes(claim.teamId)).map((claim) => claim.teamName);
    const question =
      result === 'success'
        ? `确定由 ${names.join('、') || '（未选择）'} 夺榜？${awaitingNote(awaiting)}结榜后不能更改。`
        : `确定以「未成功」结榜？原因会记录并告知各队。${awaitingNote(awaiting)}`;
    if (!(await confirmStep('结榜', question, '结榜'))) return;
    setSaving(true);
    const answer = await challengeService.close(checked);
    setSaving(false);
    if (!answer.ok) return toastFailure(answer);
    await Taro.showToast({ title: '已结榜', icon: 'success' });
    void Taro.navigateBack();
  };

  const chip = (on: boolean) => (on ? 'kc-filter kc-filter--on' : 'kc-filter');
  return (
    <View className='kc-page'>
      <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
        {detail ? (
          <>
            <View className='kc-card'>
              <View style={{ fontWeight: 600, marginBottom: '6px' }}>{detail.title}</View>
              <View className='kc-muted'>
                结榜后每支揭榜队伍的结果都会定下来，并把本队的结果分别通知队长：夺榜队伍记下结榜说明；其余入选队伍记为已完成（节点全部通过）或未成功，并注明本榜结果；已止步、未入选的保持原记录。
              </View>
            </View>
            {awaiting.length ? (
              <View className='kc-card kc-banner'>
                <View>{awaitingNote(awaiting)}如需先评榜，请点队伍进入揭榜详情。</View>
                {awaiting.map((claim) => (
                  <View
                    key={claim.teamId}
                    className='kc-link'
                    onClick={() =>
                      Taro.navigateTo({ url: `/packages/challenge/claim/index?challengeId=${challengeId}&teamId=${claim.teamId}` })
                    }
                  >
                    {claim.teamName}（待评榜）›
                  </View>
                ))}
              </View>
            ) : null}
            <View className='kc-card'>
              <FormRow label='结果' required>
                <View className='kc-filters kc-filters--inline'>
                  <Text className={chip(result === 'success')} onClick={() => setResult('success')}>
                    夺榜
                  </Text>
                  <Text className={chip(result === 'failed')} onClick={() => setResult('failed')}>
                    未成功
                  </Text>
                </View>
              </FormRow>
              {result === 'success' ? (
                <FormRow label='夺榜队伍' required block error={errors.winners}>
                  {racing.length ? (
                    racing.map((claim) => (
                      <Checkbox
                        key={claim.teamId}
                        checked={winners.includes(claim.teamId)}
                        onChange={(on) => pickWinner(claim.teamId, on)}
                        label={`${claim.teamName}（节点 ${claim.passedCount}/${claim.milestoneCount}）`}
                      />
                    ))
                  ) : (
                    <Text className='kc-muted'>没有仍在攻关中的队伍，只能以「未成功」结榜。</Text>
                  )}
                </FormRow>
              ) : null}
              <FormRow label={result === 'success' ? '结榜说明' : '未成功原因'} required block error={errors.summary}>
                <TextArea
                  value={summary}
                  onChange={setSummary}
                  placeholder={result === 'success' ? '达成了哪些指标、依据是什么' : '哪些指标未达成、原因和经验，如实记录'}
                  maxLength={500}
                  showCount
                  rows={4}
                />
              </FormRow>
            </View>
            <Button type='primary' block loading={saving} onClick={submit}>
              确认结榜
            </Button>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
