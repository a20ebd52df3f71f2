import { View } from '@tarojs/components';
import { ScopeTabs } from '@/components/ScopeTabs';
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
      <ScopeTabs options={FILTERS} value={filter} onChange={setFilter} />
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
