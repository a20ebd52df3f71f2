import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ChallengeDetail } from '@core/views';

const open = (url: string) => () => void Taro.navigateTo({ url });

/** A challenge made from an enterprise need: its 征榜 review while a draft, and the line back to the need. */
export function SolicitLinks({ detail }: { detail: ChallengeDetail }) {
  const solicit = detail.status === 'draft' ? detail.solicit : null;
  if (!solicit && !detail.needId) return null;
  return (
    <View className='kc-card kc-challenge__solicit'>
      {solicit ? (
        <View className='kc-row' onClick={open(`/packages/challenge/solicit/index?id=${detail.id}`)}>
          <View>
            <Text className='kc-challenge__solicit-title'>征榜评审</Text>
            <View className='kc-muted'>
              {solicit.blockers.length ? `发榜前还需：${solicit.blockers.join('；')}` : '出题方承诺已确认，专家已同意发榜'}
            </View>
          </View>
          <Text className='kc-link'>›</Text>
        </View>
      ) : null}
      {detail.needId ? (
        <Text className='kc-link' onClick={open(`/packages/need/detail/index?id=${detail.needId}`)}>
          来自企业需求 ›
        </Text>
      ) : null}
    </View>
  );
}
