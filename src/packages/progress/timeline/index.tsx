import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { LogCard } from '@/components/LogCard';
import { SelectField } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { usePaged } from '@/hooks/usePaged';
import { progressService } from '@/services/progress';
import { useMe } from '@/stores/useUserStore';
import './index.scss';

type Filters = { userId: string | null; claimId: string | null };

export default function TimelinePage() {
  const { teamId = '' } = useRouter().params;
  const [filters, setFilters] = useState<Filters>({ userId: null, claimId: null });
  const viewerId = useMe()?.id ?? null;
  const list = usePaged((cursor) => progressService.timeline({ teamId, ...filters, cursor }), [teamId, filters]);

  return (
    <View className='kc-page'>
      {list.page ? (
        <View className='kc-card kc-timeline__filters'>
          <SelectField
            options={[{ id: '', name: '全部成员' }, ...list.page.members.map((member) => ({ id: member.userId, name: member.name }))]}
            value={filters.userId ?? ''}
            placeholder='全部成员'
            onPick={(id) => setFilters({ ...filters, userId: id || null })}
          />
          {list.page.claims.length ? (
            <SelectField
              options={[{ id: '', name: '全部揭榜' }, ...list.page.claims.map((claim) => ({ id: claim.claimId, name: claim.title }))]}
              value={filters.claimId ?? ''}
              placeholder='全部揭榜'
              onPick={(id) => setFilters({ ...filters, claimId: id || null })}
            />
          ) : null}
          <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: `/packages/progress/weekly/index?teamId=${teamId}` })}>
            本周小结 ›
          </Text>
        </View>
      ) : null}
      <PageState
        {...list.state}
        emptyTitle='还没有进展记录'
        emptyDescription={filters.userId || filters.claimId ? '换个筛选条件看看。' : '队员在「打卡」页记录的进展会出现在这里。'}
      >
        {list.page?.items.map((log) => (
          <LogCard key={log.id} log={log} viewerId={viewerId} />
        ))}
        {list.page?.items.length ? (
          <View className='kc-muted kc-timeline__end'>
            {list.page.nextCursor ? (list.loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
          </View>
        ) : null}
      </PageState>
    </View>
  );
}
