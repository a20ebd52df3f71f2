import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { formatDate } from '@core/time';
import type { EnterpriseView } from '@core/views/need';

export type EnterpriseItemProps = {
  enterprise: EnterpriseView;
  busy?: boolean;
  onApprove?: (enterprise: EnterpriseView) => void;
  onReject?: (enterprise: EnterpriseView) => void;
};

/** An enterprise: for a pending application, who applied (to verify by phone) and the two decisions. */
export function EnterpriseItem({ enterprise, busy, onApprove, onReject }: EnterpriseItemProps) {
  const { applicant } = enterprise;
  return (
    <View className='kc-need-ent__item'>
      <View className='kc-row'>
        <Text className='kc-need-ent__name'>{enterprise.name}</Text>
        <Text className='kc-muted'>{formatDate(enterprise.createdAt)}</Text>
      </View>
      <Text className='kc-muted'>{enterprise.leagueOrgName}</Text>
      {applicant ? (
        <View className='kc-need-ent__applicant'>
          <Text>
            申请人：{applicant.name}（{applicant.unitName}）
          </Text>
          <Text className='kc-link' onClick={() => void Taro.makePhoneCall({ phoneNumber: applicant.phone })}>
            {applicant.phone}
          </Text>
        </View>
      ) : null}
      {onApprove && onReject ? (
        <View className='kc-need-ent__actions'>
          <Button size='small' type='primary' disabled={busy} onClick={() => onApprove(enterprise)}>
            通过
          </Button>
          <Button size='small' fill='outline' disabled={busy} onClick={() => onReject(enterprise)}>
            不通过
          </Button>
        </View>
      ) : null}
    </View>
  );
}
