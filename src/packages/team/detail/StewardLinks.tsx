import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

/** For the team's leader and its organizers: the direct-contact records and the audit trail of the team. */
export function StewardLinks({ teamId }: { teamId: string }) {
  const open = (url: string) => void Taro.navigateTo({ url });
  return (
    <View className='kc-card kc-team__steward'>
      <Text className='kc-link' onClick={() => open(`/packages/contact/team/index?teamId=${teamId}`)}>
        直接联系记录 ›
      </Text>
      <Text className='kc-link' onClick={() => open(`/packages/cockpit/audit/index?teamId=${teamId}`)}>
        操作记录 ›
      </Text>
    </View>
  );
}
