import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { Field } from '@core/fields';
import type { LibraryItem } from '@core/views';
import { FieldFilter } from '@/components/FieldFilter';
import { KeywordSearch } from '@/components/KeywordSearch';
import { PageState } from '@/components/PageState';
import { toastFailure } from '@/hooks/feedback';
import { usePaged } from '@/hooks/usePaged';
import { newRequestId } from '@/services/request-id';
import { transferService } from '@/services/transfer';
import { useMe } from '@/stores/useUserStore';
import { InterestDialog, type EnterpriseScope } from './InterestDialog';
import { LibraryItemCard } from './LibraryItemCard';
import './index.scss';

/** 科技成果库: confirmed public achievements, searchable; enterprise contacts can express interest in one. */
export default function LibraryPage() {
  const me = useMe();
  const [keyword, setKeyword] = useState('');
  const [field, setField] = useState<Field | null>(null);
  const list = usePaged((cursor) => transferService.library({ keyword, ...(field ? { field } : {}), cursor }), [keyword, field]);
  const enterprises = useMemo<EnterpriseScope[]>(
    () => (me?.roles ?? []).filter((role) => role.role === 'enterprise').map((role) => ({ id: role.scopeId, name: role.scopeName })),
    [me],
  );
  const [asking, setAsking] = useState<{ item: LibraryItem; requestId: string } | null>(null);

  const send = async (enterpriseId: string, message: string): Promise<boolean> => {
    if (!asking) return false;
    const { item, requestId } = asking;
    const result = await transferService.interest({ enterpriseId, achievementId: item.achievementId, message, requestId });
    if (!result.ok) {
      toastFailure(result);
      return false;
    }
    setAsking(null);
    // A toast holds seven characters in WeChat: what happens next needs a dialog.
    void Taro.showModal({
      title: '已发送',
      content: '意向已送到团队所属的团组织，核实后转达团队，团队会按你留的电话联系你。',
      showCancel: false,
      confirmText: '知道了',
    });
    return true;
  };
  const filtered = Boolean(keyword || field);

  return (
    <View className='kc-page kc-library'>
      <View className='kc-wide'>
        <KeywordSearch placeholder='搜索成果名称' onSearch={setKeyword} />
        <View className='kc-filters'>
          <FieldFilter value={field} onChange={setField} />
        </View>
        {me && !enterprises.length ? (
          <View className='kc-card kc-muted'>
            企业联系人可以对成果表达合作意向，由团组织转达团队。
            <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: '/packages/need/apply/index' })}>
              成为企业联系人 ›
            </Text>
          </View>
        ) : null}
        <PageState
          {...list.state}
          emptyTitle={filtered ? '没有符合条件的成果' : '成果库还是空的'}
          emptyDescription={filtered ? '换个关键词或领域试试。' : '团组织确认过的公开成果会收录在这里。'}
        >
          {list.page?.items.map((item) => (
            <LibraryItemCard
              key={item.achievementId}
              item={item}
              onInterest={enterprises.length ? (picked) => setAsking({ item: picked, requestId: newRequestId() }) : undefined}
            />
          ))}
          {list.page?.items.length ? (
            <View className='kc-muted kc-library__end'>
              {list.page.nextCursor ? (list.loading ? '加载中…' : '上拉加载更多') : '没有更多了'}
            </View>
          ) : null}
        </PageState>
      </View>
      <InterestDialog item={asking?.item ?? null} enterprises={enterprises} onSend={send} onCancel={() => setAsking(null)} />
    </View>
  );
}
