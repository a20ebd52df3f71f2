import { both } from '@core/errors';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { NeedCard } from '@core/views/need';
import { Notice, PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { needService } from '@/services/need';
import { EnterpriseItem } from '../components/EnterpriseItem';
import { NEED_PAGES, needDetailUrl, needEditUrl } from '../components/links';
import { NeedCardItem } from '../components/NeedCardItem';
import './index.scss';

const open = (need: NeedCard) => void Taro.navigateTo({ url: needDetailUrl(need.id) });
const go = (url: string) => void Taro.navigateTo({ url });

/** 我的需求: the user's enterprises and their needs, each opening its page; where to start when there are none. */
export default function MyNeedsPage() {
  // Both reads go together: one round trip.
  const data = useRemote(() => both(needService.mine(), needService.myEnterprises()));
  const [needs, enterprises] = data.data ?? [null, null];
  const active = enterprises?.some((enterprise) => enterprise.status === 'active') ?? false;

  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <PageState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
          {needs && enterprises ? (
            <>
              {enterprises.length ? (
                <View className='kc-card'>
                  {enterprises.map((enterprise) => (
                    <EnterpriseItem key={enterprise.id} enterprise={enterprise} />
                  ))}
                </View>
              ) : null}
              {active ? (
                <Button type='primary' block className='kc-mine-needs__publish' onClick={() => go(needEditUrl())}>
                  发布需求
                </Button>
              ) : (
                <View className='kc-card'>
                  <View className='kc-muted kc-mine-needs__join'>
                    以企业名义发布技术需求，需要先成为已认证企业的联系人：向团组织申请认证，或输入团组织给的邀请码。
                  </View>
                  <View className='kc-actions'>
                    <Button fill='outline' onClick={() => go(NEED_PAGES.redeem)}>
                      我有邀请码
                    </Button>
                    <Button type='primary' onClick={() => go(NEED_PAGES.apply)}>
                      企业认证
                    </Button>
                  </View>
                </View>
              )}
              {needs.length ? (
                <>
                  <View className='kc-section-title'>需求（{needs.length}）</View>
                  {needs.map((need) => (
                    <NeedCardItem key={need.id} need={need} onOpen={open} />
                  ))}
                </>
              ) : active ? (
                <Notice
                  tone='empty'
                  title='还没有需求'
                  description='点「发布需求」写下企业遇到的技术难题和想达到的指标，提交后团组织会接单并回复。'
                />
              ) : null}
              <View className='kc-muted kc-mine-needs__board'>
                <Text className='kc-link' onClick={() => go(NEED_PAGES.board)}>
                  看看其他企业公开的需求
                </Text>
              </View>
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
