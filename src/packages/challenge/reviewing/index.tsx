import Taro from '@tarojs/taro';
import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ChallengeCard } from '@/components/ChallengeCard';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { challengeService } from '@/services/challenge';

/** The challenges an issuer's contact was bound to review with a reviewer code. */
export default function ReviewingPage() {
  const list = useRemote(() => challengeService.reviewing());
  return (
    <View className='kc-page'>
      <PageState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        empty={list.data?.length === 0}
        emptyTitle='还没有要评审的榜单'
        emptyDescription='出题单位的联系人凭团组织给的评审码绑定后，榜单会出现在这里。'
        emptyAction={
          <Button size='small' type='primary' onClick={() => Taro.navigateTo({ url: '/packages/challenge/bind/index' })}>
            输入评审码
          </Button>
        }
      >
        {list.data?.map((challenge) => (
          <ChallengeCard key={challenge.id} challenge={challenge} />
        ))}
      </PageState>
    </View>
  );
}
