import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatDate } from '@core/time';
import { PageState } from '@/components/PageState';
import { toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { feedbackService } from '@/services/feedback';

/** Party organizations the organizer's teams involve, their bound contacts, and one-time binding codes. */
export default function ContactsPage() {
  const orgs = useRemote(() => feedbackService.partyOrgs());
  const [codes, setCodes] = useState<Record<string, { code: string; expiresAt: number }>>({});

  const makeCode = async (partyOrgId: string) => {
    const result = await feedbackService.contactCode(partyOrgId);
    if (!result.ok) return toastFailure(result);
    setCodes({ ...codes, [partyOrgId]: result.data });
    void Taro.setClipboardData({ data: result.data.code }).catch(() => undefined);
  };

  return (
    <View className='kc-page'>
      <PageState
        loading={orgs.loading && !orgs.data}
        error={orgs.error}
        onRetry={orgs.reload}
        empty={orgs.data?.length === 0}
        emptyTitle='没有涉及的党组织'
        emptyDescription='所辖队伍登记了所在单位党组织后，会出现在这里。'
      >
        {orgs.data?.map((org) => (
          <View key={org.id} className='kc-card'>
            <View className='kc-row'>
              <Text>{org.name}</Text>
              <Button size='small' onClick={() => void makeCode(org.id)}>
                生成绑定码
              </Button>
            </View>
            <Text className='kc-muted'>联系人：{org.contacts.length ? org.contacts.join('、') : '尚未绑定'}</Text>
            {codes[org.id] ? (
              <View className='kc-banner kc-banner--success'>
                绑定码 {codes[org.id].code}（已复制，{formatDate(codes[org.id].expiresAt)}{' '}
                前有效，仅可使用一次）。请交给该党组织的联系人，在「我的 → 绑定党组织联系人」中输入。
              </View>
            ) : null}
          </View>
        ))}
      </PageState>
    </View>
  );
}
