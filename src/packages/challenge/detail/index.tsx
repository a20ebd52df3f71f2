import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { MODE_LABELS } from '@core/challenge-rules';
import { formatDate } from '@core/time';
import type { ChallengeDetail } from '@core/views';
import { deadlineText } from '@/components/ChallengeCard';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { StageSteps } from '@/components/StageSteps';
import { ChallengeStatusTag } from '@/components/StatusTag';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { challengeService } from '@/services/challenge';
import { ClaimList } from './ClaimList';
import { ManagerPanel } from './ManagerPanel';
import { SolicitLinks } from './SolicitLinks';
import './index.scss';

const go = (url: string) => Taro.navigateTo({ url });

export default function ChallengeDetailPage() {
  const challengeId = useRouter().params.id ?? '';
  const remote = useRemote(() => challengeService.detail(challengeId), [challengeId]);
  const [cancelling, setCancelling] = useState(false);
  const { busy, run } = useAction();
  const detail = remote.data;

  useShareAppMessage(() => ({
    title: detail ? `揭榜挂帅：${detail.title}` : '揭榜挂帅',
    path: `/packages/challenge/detail/index?id=${challengeId}`,
  }));

  const change = (call: () => ReturnType<typeof challengeService.publish>, done: string) => run(call, done, remote.setData);

  const publish = async () => {
    if (
      !(await confirmStep(
        '发榜',
        '发榜后所有突击队都能看到并揭榜；揭榜模式和名额不能再改，考核指标和日期的修改会留痕并通知揭榜队伍。',
        '发榜',
      ))
    )
      return;
    await change(() => challengeService.publish(challengeId), '已发榜');
  };
  const discard = async () => {
    if (!(await confirmStep('删除草稿', '草稿还没有发布，删除后无法恢复。确定删除？', '删除'))) return;
    await run(
      () => challengeService.discard(challengeId),
      '已删除草稿',
      () => void Taro.navigateBack(),
    );
  };
  const cancel = async (reason: string) => {
    setCancelling(false);
    await change(() => challengeService.cancel(challengeId, reason), '已撤榜');
  };

  return (
    <View className='kc-page kc-challenge'>
      <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
        {detail ? (
          <>
            <Header detail={detail} />
            {detail.status !== 'cancelled' ? (
              <View className='kc-card'>
                <StageSteps stage={detail.stage} status={detail.status} />
              </View>
            ) : null}
            <Outcome detail={detail} />
            <SolicitLinks detail={detail} />
            {detail.viewer.canManage ? (
              <ManagerPanel detail={detail} busy={busy} onPublish={publish} onCancel={() => setCancelling(true)} onDiscard={discard} />
            ) : null}
            <ClaimAction detail={detail} />
            <Requirements detail={detail} />
            <View className='kc-section-title'>揭榜队伍（{detail.claims.length}）</View>
            <ClaimList challengeId={challengeId} claims={detail.claims} canReview={detail.viewer.canReview} />
            {detail.changes.length ? (
              <>
                <View className='kc-section-title'>变更记录</View>
                {detail.changes.map((change) => (
                  <View key={change.at} className='kc-card kc-challenge__change'>
                    <Text className='kc-muted'>
                      {formatDate(change.at)} · {change.byName}
                    </Text>
                    <View>{change.note}</View>
                  </View>
                ))}
              </>
            ) : null}
          </>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={cancelling}
        title='撤销榜单'
        hint='撤榜后已揭榜的队伍会收到通知，榜单记录会保留。请写明原因。'
        confirmText='确认撤榜'
        minLength={4}
        onConfirm={cancel}
        onCancel={() => setCancelling(false)}
      />
    </View>
  );
}

function Header({ detail }: { detail: ChallengeDetail }) {
  return (
    <View className='kc-card'>
      <View className='kc-row'>
        <Text className='kc-challenge__title'>{detail.title}</Text>
        <View>
          <ChallengeStatusTag status={detail.status} />
        </View>
      </View>
      <View className='kc-challenge__facts'>
        <Text>领域：{detail.field}</Text>
        <Text>
          出题单位：{detail.issuerUnit}（联系人 {detail.issuerContact}
          {detail.issuerPhone ? ` ${detail.issuerPhone}` : ''}）
        </Text>
        <Text>发榜单位：{detail.leagueOrgName}</Text>
        <Text>
          揭榜模式：{MODE_LABELS[detail.mode]}
          {detail.mode === 'race' ? `，最多 ${detail.places} 支队伍并行攻关` : ''}
        </Text>
        <Text>
          揭榜截止：{formatDate(detail.claimDeadline)}
          {detail.status === 'open' || detail.status === 'in_progress' ? `（${deadlineText(detail)}）` : ''}
        </Text>
        <Text>交付截止：{formatDate(detail.deliveryDeadline)}</Text>
        {detail.publishedAt ? <Text>发榜日期：{formatDate(detail.publishedAt)}</Text> : null}
        {detail.reward ? <Text>奖励：{detail.reward}</Text> : null}
      </View>
    </View>
  );
}

function Outcome({ detail }: { detail: ChallengeDetail }) {
  if (detail.cancelled) {
    return (
      <View className='kc-card kc-banner'>
        已于{formatDate(detail.cancelled.at)}撤榜：{detail.cancelled.reason}
      </View>
    );
  }
  if (!detail.outcome) return null;
  const won = detail.outcome.result === 'success';
  return (
    <View className={won ? 'kc-card kc-banner kc-banner--success' : 'kc-card kc-banner'}>
      <View className='kc-challenge__outcome-title'>
        {won ? `夺榜：${detail.outcome.winnerNames.join('、')}` : '本榜攻关未成功，结果和各队的记录都已保留'}
      </View>
      <View>
        {formatDate(detail.outcome.at)} 结榜：{detail.outcome.summary}
      </View>
    </View>
  );
}

function ClaimAction({ detail }: { detail: ChallengeDetail }) {
  const { leaderTeams, claimClosedReason } = detail.viewer;
  if (!leaderTeams.length || detail.status === 'draft') return null;
  return (
    <View className='kc-card'>
      {leaderTeams.map((team) =>
        team.claimed ? (
          <View key={team.teamId} className='kc-row kc-challenge__my-claim'>
            <Text>「{team.teamName}」已揭榜</Text>
            <Button
              size='small'
              fill='outline'
              onClick={() => go(`/packages/challenge/claim/index?challengeId=${detail.id}&teamId=${team.teamId}`)}
            >
              查看揭榜
            </Button>
          </View>
        ) : claimClosedReason ? (
          <View key={team.teamId} className='kc-muted'>
            {claimClosedReason}
          </View>
        ) : (
          <Button
            key={team.teamId}
            type='primary'
            block
            onClick={() => go(`/packages/challenge/apply/index?challengeId=${detail.id}&teamId=${team.teamId}`)}
          >
            以「{team.teamName}」揭榜
          </Button>
        ),
      )}
    </View>
  );
}

function Requirements({ detail }: { detail: ChallengeDetail }) {
  return (
    <>
      <View className='kc-section-title'>需求背景</View>
      <View className='kc-card kc-challenge__text'>{detail.background}</View>
      <View className='kc-section-title'>考核指标</View>
      <View className='kc-card'>
        {detail.targets.map((target, index) => (
          <View key={index} className='kc-row kc-challenge__target'>
            <Text>{target.indicator}</Text>
            <Text className='kc-challenge__target-value'>
              {target.value}
              {target.unit}
            </Text>
          </View>
        ))}
      </View>
      <View className='kc-section-title'>交付成果</View>
      <View className='kc-card kc-challenge__text'>{detail.deliverables}</View>
    </>
  );
}
