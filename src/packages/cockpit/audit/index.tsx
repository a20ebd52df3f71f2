import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Notice, Skeleton } from '@/components/PageState';
import { ScopeTabs } from '@/components/ScopeTabs';
import { isOrganizer, organizedOrgs, useMe } from '@/stores/useUserStore';
import { AuditTrail } from './AuditTrail';
import { NO_FILTERS, param } from './filters';
import './index.scss';

/**
 * 操作记录: an org's trail (`?orgId=`, by default the first org the caller organizes) or a team's
 * (`?teamId=`), narrowed to one object when opened from it (`?target=teams/…`).
 */
export default function AuditPage() {
  const params = useRouter().params;
  const teamId = param(params.teamId);
  const initial = { ...NO_FILTERS, target: param(params.target) || null };
  const me = useMe();
  const scopes = organizedOrgs(me);
  const [picked, setPicked] = useState(param(params.orgId));
  const orgId = picked || scopes[0]?.id || '';

  let body;
  if (teamId) body = <AuditTrail scope={{ teamId }} initial={initial} />;
  else if (orgId) {
    body = (
      <>
        {scopes.length > 1 ? (
          <ScopeTabs options={scopes.map((org) => ({ value: org.id, label: org.name }))} value={orgId} onChange={setPicked} />
        ) : null}
        <AuditTrail key={orgId} scope={{ orgId }} initial={initial} />
      </>
    );
  } else if (!me) body = <Skeleton />;
  else if (!isOrganizer(me)) {
    body = (
      <Notice
        tone='empty'
        title='没有可查看的操作记录'
        description='团组织管理员可以查看所辖组织的操作记录；队长可以在队伍页查看本队的操作记录。'
      />
    );
  }
  return (
    <View className='kc-page'>
      <View className='kc-audit kc-wide'>
        <Text className='kc-muted kc-audit__hint'>{teamId ? '本队的每次变更' : '所辖组织及下级组织的每次变更'}，最新的在前。</Text>
        {body}
      </View>
    </View>
  );
}
