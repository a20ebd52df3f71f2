import { View, Text } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TeamSummary } from '@core/views';
import { StatusTag } from '../StatusTag';
import './index.scss';

export type TeamCardProps = { team: TeamSummary; extra?: React.ReactNode };

const ROLE_LABEL = { leader: '队长', member: '队员', applicant: '申请人' } as const;

export function TeamCard({ team, extra }: TeamCardProps) {
  const open = () => Taro.navigateTo({ url: `/packages/team/detail/index?id=${team.id}` });
  return (
    <View className='kc-card kc-team-card' onClick={open}>
      <View className='kc-row'>
        <Text className='kc-team-card__name'>{team.name}</Text>
        <View>
          <StatusTag status={team.status} refreshDue={team.refreshDue} />
        </View>
      </View>
      <View className='kc-team-card__meta kc-muted'>
        {team.field} · {team.unitName}
        {team.crossUnit ? ' · 跨单位' : ''}
      </View>
      <View className='kc-team-card__meta kc-muted'>
        {team.leagueOrgName} · 队长 {team.leaderName} · {team.memberCount} 人{team.myRole ? ` · 我是${ROLE_LABEL[team.myRole]}` : ''}
      </View>
      {extra}
    </View>
  );
}
