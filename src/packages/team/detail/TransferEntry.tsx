import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** For the team and its organizers: the team's 成果转化 (technology contracts and their confirmation). */
export function TransferEntry({ teamId }: { teamId: string }) {
  return (
    <View className='kc-card kc-row' onClick={() => void Taro.navigateTo({ url: `/packages/transfer/team/index?teamId=${teamId}` })}>
      <View>
        <Text className='kc-team__entry-title'>成果转化</Text>
        <View className='kc-muted'>技术合同登记与企业确认</View>
      </View>
      <Text className='kc-link'>›</Text>
    </View>
  );
}
