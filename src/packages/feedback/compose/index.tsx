import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Checkbox, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { periodUpTo, quarterOf } from '@core/feedback-rules';
import { issueLetterInput } from '@core/schemas/feedback';
import { shanghaiDay } from '@core/time';
import type { LetterCandidates, LetterDetail } from '@core/views';
import { DateField, FormRow, SelectField } from '@/components/FormRow';
import { LetterItems } from '@/components/LetterItems';
import { LetterTransfers } from '../letter/LetterTransfers';
import { PageState } from '@/components/PageState';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { feedbackService } from '@/services/feedback';
import { newRequestId } from '@/services/request-id';
import { teamService } from '@/services/team';
import './index.scss';
import { useFormErrors } from '@/hooks/useFormErrors';

/** Compose a letter from a team's confirmed records only; a quarterly draft arrives pre-filled. */
export default function ComposeLetterPage() {
  const { errors, check } = useFormErrors();
  const params = useRouter().params;
  const draftId = params.draftId ?? '';
  const now = Date.now();
  const today = shanghaiDay(now);
  // The quarter so far: a letter's period ends no later than the day it goes out.
  const period = periodUpTo(quarterOf(now), now);
  const requestId = useRef(newRequestId());
  const teams = useRemote(() => teamService.orgTeams('registered'));
  const draft = useRemote<LetterDetail | null>(
    async () => (draftId ? feedbackService.letter(draftId) : { ok: true, data: null }),
    [draftId],
  );
  const [teamId, setTeamId] = useState(params.teamId ?? '');
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const candidates = useRemote<LetterCandidates | null>(
    async () => (teamId ? feedbackService.candidates({ teamId, from, to }) : { ok: true, data: null }),
    [teamId, from, to],
  );

  useEffect(() => {
    if (!teamId && teams.data?.length) setTeamId(teams.data[0].id);
  }, [teams.data, teamId]);
  // A quarterly draft fills the form once; reloading it later must not undo the organizer's changes.
  const draftApplied = useRef(false);
  useEffect(() => {
    if (!draft.data || draftApplied.current) return;
    draftApplied.current = true;
    setFrom(draft.data.period.from);
    setTo(draft.data.period.to);
    setPicked(draft.data.items.map((item) => item.id));
  }, [draft.data]);

  const items = candidates.data?.items ?? [];
  const chosen = picked ?? items.map((item) => item.id);
  const toggle = (itemId: string, on: boolean) => setPicked(on ? [...chosen, itemId] : chosen.filter((one) => one !== itemId));

  const send = async () => {
    if (sending || !candidates.data) return;
    const itemIds = chosen.filter((itemId) => items.some((item) => item.id === itemId));
    const checked = check(issueLetterInput, { teamId, from, to, itemIds, note, draftId: draftId || null, requestId: requestId.current });
    if (!checked) return;
    const targets = candidates.data.recipients.map((recipient) => recipient.partyOrgName).join('、');
    if (!(await confirmStep('发出反馈函', `将按成员所属党组织发往：${targets}。发出后不能撤回，每份函生成查验码。`, '发出'))) return;
    setSending(true);
    const result = await feedbackService.issue(checked);
    setSending(false);
    if (!result.ok) return toastFailure(result);
    await Taro.showToast({ title: `已发出 ${result.data.length} 份`, icon: 'success' });
    void Taro.redirectTo({ url: '/packages/feedback/letters/index?scope=manage' });
  };

  return (
    <View className='kc-page'>
      <PageState
        loading={(teams.loading && !teams.data) || (draft.loading && !draft.data && !!draftId)}
        error={teams.error ?? draft.error}
        onRetry={teams.reload}
      >
        <View className='kc-card'>
          {draftId ? <View className='kc-banner'>季度草稿：已按新确认的记录预选，审核后再发出</View> : null}
          <FormRow label='队伍' required>
            <SelectField
              options={(teams.data ?? []).map((team) => ({ id: team.id, name: team.name }))}
              value={teamId}
              placeholder='请选择'
              onPick={(id) => {
                setTeamId(id);
                setPicked(null);
              }}
            />
          </FormRow>
          <FormRow label='开始日期' required error={errors.from}>
            <DateField value={from} end={today} onPick={setFrom} />
          </FormRow>
          <FormRow label='结束日期' required error={errors.to}>
            <DateField value={to} end={today} onPick={setTo} />
          </FormRow>
          <Text className='kc-muted'>结束日期不晚于发函当天（晚于当天的按当天计）。</Text>
        </View>
        <View className='kc-section-title'>已确认的记录（每项注明确认人及所在组织，或系统核验方式）</View>
        <PageState
          loading={candidates.loading && !candidates.data}
          error={candidates.error}
          onRetry={candidates.reload}
          empty={candidates.data !== null && items.length === 0}
          emptyTitle='这段时间没有已确认的记录'
          emptyDescription='换一个时间段，或等成果、节点、出勤得到确认后再写。'
        >
          {items.length ? (
            <View className='kc-card'>
              <LetterItems
                items={items}
                aside={(item) => (
                  <Checkbox aria-label={`写入：${item.title}`} checked={chosen.includes(item.id)} onChange={(on) => toggle(item.id, on)} />
                )}
              />
            </View>
          ) : null}
          {candidates.data?.transfers.length ? (
            <View className='kc-card'>
              <Text className='kc-compose__label'>随函列出的成果转化（企业方已确认）</Text>
              <LetterTransfers transfers={candidates.data.transfers} />
            </View>
          ) : null}
          {candidates.data ? (
            <View className='kc-card'>
              <Text className='kc-compose__label'>将发往</Text>
              {candidates.data.recipients.map((recipient) => (
                <View key={recipient.partyOrgId} className='kc-muted'>
                  {recipient.partyOrgName}（{recipient.memberNames.join('、') || '无成员'}）
                  {recipient.hasContact ? '' : ' · 尚未绑定联系人，函会等联系人绑定后查看'}
                </View>
              ))}
            </View>
          ) : null}
        </PageState>
        <View className='kc-card'>
          <FormRow label='说明（选填）' block>
            <TextArea value={note} onChange={setNote} placeholder='简短、据实的说明，不评价、不夸大' maxLength={300} showCount rows={3} />
          </FormRow>
        </View>
        <Button type='primary' block loading={sending} disabled={!items.length} onClick={send}>
          发出反馈函
        </Button>
      </PageState>
    </View>
  );
}
