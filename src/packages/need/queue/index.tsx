import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { Notice, PageState } from '@/components/PageState';
import { OrgScoped } from '@/components/OrgScoped';
import { ScopeTabs } from '@/components/ScopeTabs';
import { usePaged } from '@/hooks/usePaged';
import { needService } from '@/services/need';
import { useMe } from '@/stores/useUserStore';
import { NeedCardItem } from '../components/NeedCardItem';
import { needDetailUrl } from '../components/links';
import { cadreScopes } from './scopes';
import './index.scss';

type QueueView = 'open' | 'mine' | 'done';

const VIEWS: { value: QueueView; label: string }[] = [
  { value: 'open', label: '待接单' },
  { value: 'mine', label: '我接的' },
  { value: 'done', label: '已处理' },
];

const EMPTY: Record<QueueView, { title: string; description: string }> = {
  open: { title: '没有待接单的需求', description: '企业提交的需求会出现在这里，接单后请在期限内首次回复企业。' },
  mine: { title: '你还没有接单', description: '在「待接单」中打开一项需求并接单，它会出现在这里。' },
  done: { title: '还没有处理完的需求', description: '转为榜单、推荐团队、合并、不予采纳或企业撤回的需求会列在这里。' },
};

/** 需求接单: the needs of the league orgs the user organizes or takes needs for, by where they stand. */
export default function NeedQueuePage() {
  return (
    <OrgScoped
      scopes={cadreScopes(useMe())}
      single={(scope) => <Text className='kc-muted kc-need-queue__org'>{scope.name}及下级组织收到的企业需求</Text>}
      refusal={
        <Notice
          tone='empty'
          title='只有团组织管理员和接单干部可以接单'
          description='团组织管理员可以生成接单干部邀请码，输入后即可在这里接单。'
        >
          <Button size='small' onClick={() => void Taro.navigateTo({ url: '/packages/need/redeem/index' })}>
            我有邀请码
          </Button>
        </Notice>
      }
    >
      {(orgId) => <OrgQueue key={orgId} orgId={orgId} />}
    </OrgScoped>
  );
}

function OrgQueue({ orgId }: { orgId: string }) {
  const [view, setView] = useState<QueueView>('open');
  const list = usePaged((cursor) => needService.queue({ orgId, view, cursor }), [orgId, view]);
  return (
    <>
      <ScopeTabs options={VIEWS} value={view} onChange={setView} />
      <PageState {...list.state} emptyTitle={EMPTY[view].title} emptyDescription={EMPTY[view].description}>
        {list.page?.items.map((need) => (
          <NeedCardItem key={need.id} need={need} onOpen={() => void Taro.navigateTo({ url: needDetailUrl(need.id) })} />
        ))}
        {list.page?.items.length ? (
          <View className='kc-muted kc-need-queue__end'>
            {list.page.nextCursor ? (list.loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
          </View>
        ) : null}
      </PageState>
    </>
  );
}
