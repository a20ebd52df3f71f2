import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { ActionInput } from '@core/api';
import { PageState } from '@/components/PageState';
import { TeamCard } from '@/components/TeamCard';
import { useRemote } from '@/hooks/useRemote';
import { teamService } from '@/services/team';

type Filter = NonNullable<ActionInput<'team', 'orgTeams'>['status']>;

const FILTERS: { value: Filter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'registered', label: '已备案' },
  { value: 'refreshDue', label: '待更新备案' },
  { value: 'pending', label: '待审核' },
  { value: 'dissolved', label: '已解散' },
];

export default function OrgTeamsPage() {
  const [filter, setFilter] = useState<Filter>('all');
  const teams = useRemote(() => teamService.orgTeams(filter), [filter]);
  return (
    <View className='kc-page'>
      <View className='kc-filters'>
        {FILTERS.map((item) => (
          <Text
            key={item.value}
            className={item.value === filter ? 'kc-filter kc-filter--on' : 'kc-filter'}
            onClick={() => setFilter(item.value)}
          >
            {item.label}
          </Text>
        ))}
      </View>
      <PageState
        loading={teams.loading}
        error={teams.error}
        onRetry={teams.reload}
        empty={teams.data?.length === 0}
        emptyTitle='没有符合条件的队伍'
      >
        {teams.data?.map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
      </PageState>
    </View>
  );
}
