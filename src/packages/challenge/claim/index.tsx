import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { CLAIM_STATUS_LABELS } from '@core/challenge-rules';
import { ok, type Result } from '@core/errors';
import { formatDate } from '@core/time';
import type { ClaimPage, MilestoneView } from '@core/views';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { ClaimStatusTag } from '@/components/StatusTag';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { challengeService } from '@/services/challenge';
import { useClaimHandOver } from '@/stores/useChallengeStore';
import { MilestoneCard } from './MilestoneCard';
import './index.scss';

type Dialog = { kind: 'reject' } | { kind: 'stop'; milestone: MilestoneView } | null;

export default function ClaimDetailPage() {
  const { challengeId = '', teamId = '' } = useRouter().params;
  // Opened right after claiming, it shows the view the claim answered with; every later load asks.
  const remote = useRemote(async (): Promise<Result<ClaimPage>> => {
    const handedOver = useClaimHandOver.getState().take(challengeId, teamId);
    return handedOver ? ok(handedOver) : challengeService.claimDetail(teamId, challengeId);
  }, [challengeId, teamId]);
  const { busy, run } = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const claim = remote.data;
  const act = (call: () => Promise<Result<ClaimPage>>, done: string) => run(call, done, remote.setData);

  const accept = async () => {
    if (!claim || !(await confirmStep('评榜入选', `确定「${claim.teamName}」入选？入选后按其节点计划进入攻关。`, '入选'))) return;
    await act(() => challengeService.reviewClaim({ challengeId, teamId, decision: 'accept', reason: '' }), '已入选');
  };
  const reject = async (reason: string) => {
    setDialog(null);
    await act(() => challengeService.reviewClaim({ challengeId, teamId, decision: 'reject', reason }), '已告知该队');
  };
  const withdraw = async () => {
    if (!(await confirmStep('撤回揭榜', '撤回后本队不能再揭这个榜。确定撤回？', '撤回'))) return;
    await act(() => challengeService.withdraw(teamId, challengeId), '已撤回');
  };
  const submit = (milestone: MilestoneView) => (summary: string, reference: string) =>
    act(() => challengeService.submitMilestone({ teamId, milestoneId: milestone.id, summary, reference }), '已提交，等待评审');
  const pass = (milestone: MilestoneView) => async () => {
    if (!(await confirmStep('节点通过', `确认「${milestone.title}」达到验收标准？`, '通过'))) return;
    await act(() => challengeService.reviewMilestone({ challengeId, milestoneId: milestone.id, decision: 'pass', note: '' }), '节点已通过');
  };
  const stop = async (milestone: MilestoneView, note: string) => {
    setDialog(null);
    await act(() => challengeService.reviewMilestone({ challengeId, milestoneId: milestone.id, decision: 'stop', note }), '已止步');
  };

  const nextGate = claim?.milestones?.find((milestone) => milestone.status !== 'passed');
  const racing = claim?.status === 'accepted';
  return (
    <View className='kc-page kc-claim'>
      <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
        {claim ? (
          <>
            <View className='kc-card'>
              <View className='kc-row'>
                <Text className='kc-claim__team' onClick={() => Taro.navigateTo({ url: `/packages/team/detail/index?id=${claim.teamId}` })}>
                  {claim.teamName}
                </Text>
                <View>
                  <ClaimStatusTag status={claim.status} />
                </View>
              </View>
              <View
                className='kc-link kc-claim__challenge'
                onClick={() => Taro.navigateTo({ url: `/packages/challenge/detail/index?id=${challengeId}` })}
              >
                榜单：{claim.challengeTitle} ›
              </View>
              <View className='kc-muted'>
                {formatDate(claim.appliedAt)} 揭榜 · 节点 {claim.passedCount}/{claim.milestoneCount} 通过
              </View>
            </View>
            {/* A rejection is the claim's outcome: it shows once, in the banner below. */}
            {claim.review && claim.status !== 'applied' && claim.status !== 'rejected' ? (
              <View className='kc-card kc-muted'>
                {formatDate(claim.review.at)} 评榜入选{claim.review.reason ? `：${claim.review.reason}` : ''}
              </View>
            ) : null}
            {claim.ended && claim.status !== 'accepted' ? (
              <View
                className={
                  claim.status === 'won' || claim.status === 'completed' ? 'kc-card kc-banner kc-banner--success' : 'kc-card kc-banner'
                }
              >
                <View className='kc-claim__outcome'>
                  {CLAIM_STATUS_LABELS[claim.status]} · {formatDate(claim.ended.at)}
                </View>
                <View>{claim.ended.reason}</View>
              </View>
            ) : null}

            {claim.viewer.canReview && claim.status === 'applied' ? (
              <View className='kc-actions'>
                <Button type='danger' fill='outline' disabled={busy} onClick={() => setDialog({ kind: 'reject' })}>
                  不入选
                </Button>
                <Button type='primary' loading={busy} onClick={accept}>
                  入选
                </Button>
              </View>
            ) : null}
            {claim.viewer.isLeader && claim.status === 'applied' ? (
              <View className='kc-actions'>
                <Button type='danger' fill='outline' disabled={busy} onClick={withdraw}>
                  撤回揭榜
                </Button>
              </View>
            ) : null}

            {claim.plan ? (
              <>
                <View className='kc-section-title'>攻关方案</View>
                <View className='kc-card kc-claim__text'>{claim.plan.approach}</View>
                <View className='kc-card kc-muted'>参与成员：{claim.plan.members.map((member) => member.name).join('、')}</View>
              </>
            ) : (
              <View className='kc-card kc-muted'>攻关方案和节点进展仅本队成员和评审人可见。</View>
            )}

            {claim.milestones?.length ? <View className='kc-section-title'>阶段节点</View> : null}
            {claim.milestones?.map((milestone) => (
              <MilestoneCard
                key={milestone.id}
                milestone={milestone}
                busy={busy}
                canSubmit={claim.viewer.isLeader && racing && milestone.id === nextGate?.id && milestone.status !== 'stopped'}
                canPass={claim.viewer.canReview && racing && milestone.status === 'submitted'}
                canStop={claim.viewer.canReview && racing && (milestone.status === 'submitted' || milestone.overdue)}
                onSubmit={submit(milestone)}
                onPass={pass(milestone)}
                onStop={() => setDialog({ kind: 'stop', milestone })}
              />
            ))}
            {/* Planned gates take effect on selection; once the claim ended without one they no longer apply. */}
            {claim.plan && claim.status === 'applied' ? (
              <>
                <View className='kc-section-title'>计划节点（入选后生效）</View>
                {claim.plan.proposed.map((milestone, index) => (
                  <View key={index} className='kc-card'>
                    <View>
                      节点 {index + 1}：{milestone.title}（{formatDate(milestone.dueAt)}）
                    </View>
                    <View className='kc-muted'>验收标准：{milestone.criterion}</View>
                  </View>
                ))}
              </>
            ) : null}
          </>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={dialog?.kind === 'reject'}
        title='不入选'
        hint='该队队长会看到原因，请写明方案与需求的差距。'
        confirmText='确认不入选'
        minLength={2}
        onConfirm={reject}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog?.kind === 'stop'}
        title='止步'
        hint='止步后该队对这个榜单的攻关结束，记录会保留在榜单和队伍页。请写明原因。'
        confirmText='确认止步'
        minLength={2}
        onConfirm={(note) => dialog?.kind === 'stop' && stop(dialog.milestone, note)}
        onCancel={() => setDialog(null)}
      />
    </View>
  );
}
