import { Text, View } from '@tarojs/components';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { cockpitService } from '@/services/cockpit';
import { WORK_GROUPS } from './groups';
import { WorkCard } from './WorkCard';
import './index.scss';

/** 待办: everything waiting for the organizer, grouped, each a tap away from where it is handled. */
export default function WorklistPage() {
  const list = useRemote(() => cockpitService.worklist());
  const items = list.data?.items ?? [];
  const waiting = items.filter((item) => item.count > 0);
  const clear = items.filter((item) => item.count === 0);
  return (
    <View className='kc-page'>
      <View className='kc-worklist kc-wide'>
        <PageState
          loading={list.loading}
          error={list.error}
          onRetry={list.reload}
          empty={list.data?.total === 0}
          emptyTitle='没有等你处理的事'
          emptyDescription='组建申请、企业需求与意向、成果确认、评榜、节点、补签、备案更新、反馈函签收、举报和推送都已处理完。有新的事项时会出现在这里。'
        >
          {list.data ? (
            <>
              <Text className='kc-worklist__total'>共 {list.data.total} 项等你处理</Text>
              {WORK_GROUPS.map((group) => {
                const cards = waiting.filter((item) => group.kinds.includes(item.kind));
                if (!cards.length) return null;
                return (
                  <View key={group.title} className='kc-worklist__group'>
                    <Text className='kc-section-title kc-worklist__group-title'>{group.title}</Text>
                    <View className='kc-worklist__cards kc-columns'>
                      {cards.map((item) => (
                        <WorkCard key={item.kind} item={item} />
                      ))}
                    </View>
                  </View>
                );
              })}
              {clear.length ? (
                <Text className='kc-muted kc-worklist__clear'>暂无：{clear.map((item) => item.label).join('、')}</Text>
              ) : null}
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
