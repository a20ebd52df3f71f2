import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { AchievementDetail } from '@core/views';

/**
 * The line around a result: back to the enterprise need its challenge came from, and for the team's
 * leader on a confirmed achievement, on to recording its transfer (only the leader may edit a confirmed one).
 */
export function TransferLinks({ data }: { data: AchievementDetail }) {
  const canRecord = data.status === 'confirmed' && data.viewer.canEdit && !data.hidden;
  if (!data.needId && !canRecord) return null;
  const open = (url: string) => () => void Taro.navigateTo({ url });
  return (
    <View className='kc-card kc-achievement__line'>
      {data.needId ? (
        <Text className='kc-link' onClick={open(`/packages/need/detail/index?id=${data.needId}`)}>
          来自企业需求 ›
        </Text>
      ) : null}
      {canRecord ? (
        <View className='kc-row'>
          <Text className='kc-muted'>已与企业签订技术合同？登记后由企业确认，计入成果转化。</Text>
          <Button
            size='small'
            type='primary'
            fill='outline'
            onClick={open(`/packages/transfer/edit/index?teamId=${data.teamId}&achievementId=${data.id}`)}
          >
            登记成果转化
          </Button>
        </View>
      ) : null}
    </View>
  );
}
