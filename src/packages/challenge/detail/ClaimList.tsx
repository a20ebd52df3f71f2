import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDate } from '@core/time';
import type { ClaimView } from '@core/views';
import { ClaimStatusTag } from '@/components/StatusTag';

export type ClaimListProps = { challengeId: string; claims: ClaimView[]; canReview: boolean };

/** Every team that claimed, with where it stands; the ones waiting for the reviewer say so. */
export function ClaimList({ challengeId, claims, canReview }: ClaimListProps) {
  if (!claims.length) return <View className='kc-card kc-muted'>还没有队伍揭榜。</View>;
  return (
    <>
      {claims.map((claim) => {
        const waiting = claim.milestones?.filter((milestone) => milestone.status === 'submitted').length ?? 0;
        const overdue = claim.milestones?.some((milestone) => milestone.overdue) ?? false;
        return (
          <View
            key={claim.teamId}
            className='kc-card kc-claim-row'
            onClick={() => Taro.navigateTo({ url: `/packages/challenge/claim/index?challengeId=${challengeId}&teamId=${claim.teamId}` })}
          >
            <View className='kc-row'>
              <Text className='kc-claim-row__team'>{claim.teamName}</Text>
              <View>
                <ClaimStatusTag status={claim.status} />
              </View>
            </View>
            <View className='kc-muted kc-claim-row__meta'>
              {formatDate(claim.appliedAt)} 揭榜 · 节点 {claim.passedCount}/{claim.milestoneCount} 通过
              {overdue ? ' · 有节点逾期' : ''}
            </View>
            {canReview && claim.status === 'applied' ? <View className='kc-claim-row__todo'>待评榜 ›</View> : null}
            {canReview && waiting ? <View className='kc-claim-row__todo'>{waiting} 个节点待评审 ›</View> : null}
            {claim.ended && claim.status !== 'accepted' ? <View className='kc-muted kc-claim-row__meta'>{claim.ended.reason}</View> : null}
          </View>
        );
      })}
    </>
  );
}
