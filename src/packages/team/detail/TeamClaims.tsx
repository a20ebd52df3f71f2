import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MODE_LABELS } from '@core/challenge-rules';
import { formatDate } from '@core/time';
import { ClaimStatusTag } from '@/components/StatusTag';
import { useRemote } from '@/hooks/useRemote';
import { challengeService } from '@/services/challenge';

export type TeamClaimsProps = { teamId: string };

/** The challenges a team has claimed and how each ended: wins, completions and stops alike. */
export function TeamClaims({ teamId }: TeamClaimsProps) {
  const claims = useRemote(() => challengeService.teamClaims(teamId), [teamId]);
  if (claims.error) return <View className='kc-card kc-muted'>揭榜记录加载失败：{claims.error.message}</View>;
  if (!claims.data) return null;
  return (
    <>
      <View className='kc-section-title'>揭榜记录（{claims.data.length}）</View>
      {claims.data.length === 0 ? <View className='kc-card kc-muted'>还没有揭过榜。可在「榜单」中查看正在征集的攻关需求。</View> : null}
      {claims.data.map((claim) => (
        <View
          key={claim.challengeId}
          className='kc-card kc-team-claim'
          onClick={() => Taro.navigateTo({ url: `/packages/challenge/claim/index?challengeId=${claim.challengeId}&teamId=${teamId}` })}
        >
          <View className='kc-row'>
            <Text className='kc-team-claim__title'>{claim.challengeTitle}</Text>
            <View>
              <ClaimStatusTag status={claim.status} />
            </View>
          </View>
          <View className='kc-muted kc-team-claim__meta'>
            {MODE_LABELS[claim.mode]} · {formatDate(claim.appliedAt)} 揭榜 · 节点 {claim.passedCount}/{claim.milestoneCount} 通过
          </View>
          {claim.endedReason && claim.status !== 'accepted' && claim.status !== 'applied' ? (
            <View className='kc-muted kc-team-claim__meta'>{claim.endedReason}</View>
          ) : null}
        </View>
      ))}
    </>
  );
}
