import { Text, View } from '@tarojs/components';
import type { OrgRole } from '@core/types';
import { formatDate } from '@core/time';
import type { HeldRole } from '@core/views';
import { ToneTag } from '@/components/ToneTag';

const ROLE_LABEL: Record<OrgRole, string> = { organizer: '团组织管理员', partyContact: '党组织联系人' };

/** One of the user's own roles: what, for which org, since when. */
export function RoleItem({ role }: { role: HeldRole }) {
  return (
    <View className='kc-become__role'>
      <View className='kc-become__role-line'>
        <Text className='kc-become__role-name'>{ROLE_LABEL[role.role]}</Text>
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
