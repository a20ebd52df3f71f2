import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Checkbox, Input, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MAX_MILESTONES } from '@core/challenge-rules';
import { claimInput } from '@core/schemas/challenge';
import type { ChallengeDetail, TeamDetail } from '@core/views';
import { DAY_MS, formatDate, shanghaiDay } from '@core/time';
import { DraftBanner } from '@/components/DraftBanner';
import { DateField, FormRow } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { challengeService } from '@/services/challenge';
import { requestSubscribe } from '@/services/cloud';
import { teamService } from '@/services/team';
import { useClaimHandOver } from '@/stores/useChallengeStore';
import './index.scss';

type PlannedMilestone = { title: string; dueDate: string; criterion: string };
type ClaimPlan = { approach: string; memberIds: string[]; milestones: PlannedMilestone[] };

const EMPTY_PLAN: ClaimPlan = { approach: '', memberIds: [], milestones: [] };

/** A fresh plan: every member, and one gate due in 30 days (or at the delivery deadline, if sooner). */
function freshPlan(loaded: { challenge: ChallengeDetail; team: TeamDetail }): ClaimPlan {
  const due = Math.min(Date.now() + 30 * DAY_MS, loaded.challenge.deliveryDeadline);
  const memberIds = (loaded.team.members ?? []).map((member) => member.userId);
  return { approach: '', memberIds, milestones: [{ title: '', dueDate: shanghaiDay(due), criterion: '' }] };
}

export default function ApplyClaimPage() {
  const { challengeId = '', teamId = '' } = useRouter().params;
  const data = useRemote(async () => {
    const [challenge, team] = await Promise.all([challengeService.detail(challengeId), teamService.detail(teamId)]);
    if (!challenge.ok) return challenge;
    if (!team.ok) return team;
    return { ok: true as const, data: { challenge: challenge.data, team: team.data } };
  }, [challengeId, teamId]);
  // The plan is kept on the phone as it is typed; a fresh one starts from the team and the challenge.
  const loaded = data.data;
  const draft = useStoredDraft<ClaimPlan>(`claim.${challengeId}.${teamId}`, EMPTY_PLAN, loaded ? freshPlan(loaded) : null);
  const { approach, memberIds, milestones } = draft.value;
  const setPlan = (changes: Partial<ClaimPlan>) => draft.update({ ...draft.value, ...changes });
  const setApproach = (next: string) => setPlan({ approach: next });
  const setMemberIds = (next: string[]) => setPlan({ memberIds: next });
  const setMilestones = (next: PlannedMilestone[]) => setPlan({ milestones: next });
  const [submitting, setSubmitting] = useState(false);
  const { errors, check } = useFormErrors();
  const today = shanghaiDay(Date.now());
  const lastDay = data.data ? shanghaiDay(data.data.challenge.deliveryDeadline) : today;

  const setMilestone = (index: number, changes: Partial<PlannedMilestone>) =>
    setMilestones(milestones.map((milestone, i) => (i === index ? { ...milestone, ...changes } : milestone)));

  const submit = async () => {
    if (submitting) return;
    // Check first, then ask before any await: WeChat only shows the subscription dialog inside the tap.
    const checked = check(claimInput, { teamId, challengeId, approach, memberIds, milestones, requestId: draft.requestId });
    if (!checked) return;
    const consent = requestSubscribe(['claimResult', 'gateResult', 'milestoneDue']);
    setSubmitting(true);
    await consent;
    const result = await challengeService.claim(checked);
    setSubmitting(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    // The claim page shows what the claim answered with instead of asking for it again.
    useClaimHandOver.getState().put(result.data);
    await Taro.showToast({ title: '已揭榜，等待评榜', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/challenge/claim/index?challengeId=${challengeId}&teamId=${teamId}` });
  };

  const detail = data.data;
  return (
    <View className='kc-page'>
      <PageState loading={data.loading} error={data.error} onRetry={data.reload}>
        {detail ? (
          <>
            {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
            <View className='kc-card'>
              <View className='kc-claim-form__title'>{detail.challenge.title}</View>
              <View className='kc-muted'>
                以「{detail.team.name}」揭榜 · 交付截止 {formatDate(detail.challenge.deliveryDeadline)}
              </View>
            </View>
            <View className='kc-card'>
              <FormRow label='攻关方案' required block error={errors.approach}>
                <TextArea
                  value={approach}
                  onChange={setApproach}
                  placeholder='技术路线、现有基础、如何达到每项考核指标'
                  maxLength={1000}
                  showCount
                  rows={5}
                />
              </FormRow>
              <FormRow label='参与成员' required block error={errors.memberIds}>
                {(detail.team.members ?? []).map((member) => (
                  <Checkbox
                    key={member.userId}
                    className='kc-claim-form__member'
                    checked={memberIds.includes(member.userId)}
                    onChange={(on) => setMemberIds(on ? [...memberIds, member.userId] : memberIds.filter((id) => id !== member.userId))}
                    label={`${member.name}${member.role === 'leader' ? '（队长）' : ''}`}
                  />
                ))}
              </FormRow>
            </View>
            <View className='kc-section-title'>阶段节点（评榜入选后按节点提交进展）</View>
            {milestones.map((milestone, index) => (
              <View key={index} className='kc-card'>
                <View className='kc-row'>
                  <Text className='kc-claim-form__index'>节点 {index + 1}</Text>
                  {milestones.length > 1 ? (
                    <Text className='kc-link kc-link--danger' onClick={() => setMilestones(milestones.filter((_, i) => i !== index))}>
                      删除
                    </Text>
                  ) : null}
                </View>
                <FormRow label='节点名称' required error={errors[`milestones.${index}.title`]}>
                  <Input
                    value={milestone.title}
                    onChange={(title) => setMilestone(index, { title })}
                    placeholder='如：原型验证'
                    maxLength={30}
                  />
                </FormRow>
                <FormRow label='完成日期' required error={errors[`milestones.${index}.dueDate`]}>
                  <DateField value={milestone.dueDate} start={today} end={lastDay} onPick={(dueDate) => setMilestone(index, { dueDate })} />
                </FormRow>
                <FormRow label='验收标准' required error={errors[`milestones.${index}.criterion`]}>
                  <Input
                    value={milestone.criterion}
                    onChange={(criterion) => setMilestone(index, { criterion })}
                    placeholder='可核验的标准，如测试报告达标'
                    maxLength={200}
                  />
                </FormRow>
              </View>
            ))}
            {milestones.length < MAX_MILESTONES ? (
              <Button
                fill='dashed'
                block
                className='kc-claim-form__add'
                onClick={() =>
                  setMilestones([...milestones, { title: '', dueDate: milestones[milestones.length - 1]?.dueDate ?? today, criterion: '' }])
                }
              >
                添加节点
              </Button>
            ) : null}
            <Button type='primary' block loading={submitting} onClick={submit}>
              提交揭榜
            </Button>
          </>
        ) : null}
      </PageState>
    </View>
  );
}
