import { View } from '@tarojs/components';
import { ExportButton } from '@/components/ExportButton';
import { ScopeTabs } from '@/components/ScopeTabs';
import { useOrganizerScope } from '@/hooks/useOrganizerScope';
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
  const scope = useOrganizerScope();
  return (
    <View className='kc-page'>
      <ScopeTabs options={FILTERS} value={filter} onChange={setFilter} />
      {scope ? <ExportButton orgId={scope} table='teams' label='导出队伍与成员' size='small' /> : null}
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
