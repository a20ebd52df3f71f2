import { Text, View } from '@tarojs/components';
import { ENTERPRISE_STATUS_LABELS, type EnterpriseStatus } from '@core/need-rules';
import { formatDate } from '@core/time';
import type { EnterpriseView } from '@core/views/need';
import { ToneTag, type Tone } from '@/components/ToneTag';
import './EnterpriseItem.scss';

const TONES: Record<EnterpriseStatus, Tone> = { pending: 'warning', active: 'success', rejected: 'danger' };

/** One of the user's enterprises: name, league org, 待团组织确认 / 已认证 / 未通过 with the reason. */
export function EnterpriseItem({ enterprise }: { enterprise: EnterpriseView }) {
  return (
    <View className='kc-enterprise'>
      <View className='kc-row'>
        <Text className='kc-enterprise__name'>{enterprise.name}</Text>
        <View>
          <ToneTag tone={TONES[enterprise.status]}>{ENTERPRISE_STATUS_LABELS[enterprise.status]}</ToneTag>
        </View>
      </View>
      <Text className='kc-muted'>
        {enterprise.leagueOrgName} · {formatDate(enterprise.createdAt)} {enterprise.status === 'active' ? '认证' : '申请'}
      </Text>
      {enterprise.status === 'rejected' && enterprise.decided ? (
        <Text className='kc-enterprise__reason'>未通过原因：{enterprise.decided.reason || '团组织未说明'}</Text>
      ) : null}
    </View>
  );
}
