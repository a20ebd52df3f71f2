import { View } from '@tarojs/components';
import { formatOrgCode } from '@core/admin-rules';
import { ROLE_CODE_DAYS } from '@core/need-rules';
import { formatDateTime } from '@core/time';
import { OneTimeCode } from '@/components/OneTimeCode';
import './transfer.scss';

export type ConfirmCodeCardProps = {
  /** Null once the code expired (the card then says so). */
  code: string | null;
  expiresAt: number;
  transferee: string;
};

/**
 * The pending transfer's confirmation code, for the leader to hand to the enterprise named on the
 * contract: only a contact of that enterprise, certified under that name, can redeem it.
 */
export function ConfirmCodeCard({ code, expiresAt, transferee }: ConfirmCodeCardProps) {
  if (!code) {
    return (
      <View className='kc-card kc-banner kc-banner--danger'>
        确认码已于 {formatDateTime(expiresAt)} 过期（有效期 {ROLE_CODE_DAYS.transfer} 天），不能再用于确认。
      </View>
    );
  }
  return (
    <View className='kc-card'>
      <OneTimeCode
        caption='成果转化确认码（只能使用一次）'
        code={formatOrgCode(code)}
        expiresAt={expiresAt}
        noun='确认码'
        note={`请把确认码交给受让方「${transferee}」的联系人。对方须先完成企业认证（我的 → 企业认证），且认证的企业名称与合同上的受让方一致，再在「我的 → 输入邀请码」中输入确认码后确认。`}
      />
    </View>
  );
}
