import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { NeedCard } from '@core/views/need';
import { KeywordSearch } from '@/components/KeywordSearch';
import { PageState } from '@/components/PageState';
import { usePaged } from '@/hooks/usePaged';
import { needService } from '@/services/need';
import { NEED_PAGES, needDetailUrl } from '../components/links';
import { NeedCardItem } from '../components/NeedCardItem';
import './index.scss';

const open = (need: NeedCard) => void Taro.navigateTo({ url: needDetailUrl(need.id) });

/** 企业需求: enterprises' public needs, newest first, searchable by title or enterprise; pages as it scrolls. */
export default function NeedBoardPage() {
  const [keyword, setKeyword] = useState('');
  const list = usePaged((cursor) => needService.board({ keyword, cursor }), [keyword]);
  const items = list.page?.items ?? [];

  return (
    <View className='kc-page kc-need-board'>
      <View className='kc-wide'>
        <KeywordSearch placeholder='搜索需求名称或企业' onSearch={setKeyword} />
        <View className='kc-card kc-muted kc-need-board__intro'>
          <Text>企业公开发布的技术需求，由团组织接单对接。有合适的攻关方向，可以联系所在团组织。</Text>
          <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: NEED_PAGES.mine })}>
            我要发布需求
          </Text>
        </View>
        <PageState
          {...list.state}
          emptyTitle={keyword ? '没有符合条件的需求' : '暂无公开的企业需求'}
          emptyDescription={keyword ? '换个关键词试试。' : '企业提交并选择公开的技术需求会出现在这里。'}
        >
          {items.map((need) => (
            <NeedCardItem key={need.id} need={need} onOpen={open} />
          ))}
          {items.length ? (
            <View className='kc-muted kc-need-board__more'>
              {list.page?.nextCursor ? (list.loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
            </View>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
