import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { FormRow } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { useRedeemCode } from '@/hooks/useRedeemCode';
import { useRemote } from '@/hooks/useRemote';
import { adminService } from '@/services/admin';
import { RoleItem } from './RoleItem';
import './index.scss';

/** Room for a code typed in groups, with spaces or dashes between them. */
const TYPED_MAX = 20;

/** 成为团组织管理员: redeem an invite code (or the environment's setup code), and see one's own roles. */
export default function BecomeOrganizerPage() {
  const roles = useRemote(() => adminService.myRoles());
  // This page's roles include the new one too.
  const { code, setCode, busy, errors, redeemed, submit } = useRedeemCode(adminService.redeemCode, '', () => void roles.reload());

  return (
    <View className='kc-page'>
      {redeemed ? (
        <View className='kc-card'>
          <View className='kc-banner kc-banner--success'>
            {redeemed.via === 'setup' ? '设置完成，你是第一位团组织管理员' : '你已成为团组织管理员'}
          </View>
          <Text className='kc-become__name'>{redeemed.orgName}</Text>
          <Button type='primary' block onClick={() => void Taro.navigateTo({ url: '/packages/admin/orgs/index' })}>
            进入组织管理
          </Button>
        </View>
      ) : (
        <View className='kc-card'>
          <View className='kc-muted kc-become__hint'>
            邀请码由上级组织管理员生成；新环境的第一位管理员使用部署时打印的设置码。每个码只能使用一次。
          </View>
          <FormRow label='邀请码' required error={errors.code}>
            <Input value={code} onChange={setCode} placeholder='如 ABCD-EFGH-JKLM' maxLength={TYPED_MAX} />
          </FormRow>
          <View className='kc-actions'>
            <Button type='primary' loading={busy} onClick={submit}>
              成为管理员
            </Button>
          </View>
        </View>
      )}

      <View className='kc-section-title'>我的身份</View>
      <PageState
        loading={roles.loading && !roles.data}
        error={roles.error}
        onRetry={roles.reload}
        empty={roles.data?.length === 0}
        emptyTitle='还没有组织身份'
        emptyDescription='成为团组织管理员或党组织联系人后，身份会列在这里。'
      >
        <View className='kc-card'>
          {roles.data?.map((role) => (
            <RoleItem key={`${role.role}-${role.orgId}`} role={role} />
          ))}
        </View>
      </PageState>
    </View>
  );
}
