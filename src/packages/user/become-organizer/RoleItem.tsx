import { Text, View } from '@tarojs/components';
import { ROLE_LABELS } from '@core/admin-rules';
import { formatDate } from '@core/time';
import type { HeldRole } from '@core/views';
import { ToneTag } from '@/components/ToneTag';

/** One of the user's own roles: what, for which org, since when. */
export function RoleItem({ role }: { role: HeldRole }) {
  return (
    <View className='kc-become__role'>
      <View className='kc-become__role-line'>
        <Text className='kc-become__role-name'>{ROLE_LABELS[role.role]}</Text>
        {role.retired ? <ToneTag tone='muted'>组织已撤销</ToneTag> : null}
      </View>
      <Text>{role.orgName}</Text>
      <Text className='kc-muted'>
        {role.unitName || '未填写单位'}
        {role.since ? ` · ${formatDate(role.since)} 起` : ''}
      </Text>
    </View>
  );
}
