import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ROLE_CODE_KINDS, ROLE_CODE_LABELS, type RoleCodeKind } from '@core/need-rules';
import { FormRow } from '@/components/FormRow';
import { useRedeemCode } from '@/hooks/useRedeemCode';
import { needService } from '@/services/need';
import { nextStepOf } from '../components/links';
import './index.scss';

/** Room for a code typed in groups, with spaces or dashes between them. */
const TYPED_MAX = 20;

const KIND_HINTS: Record<RoleCodeKind, string> = {
  enterprise: '团组织发给企业的邀请码，绑定后以企业名义发布技术需求',
  cadre: '团组织发给你的接单干部邀请码，处理本组织收到的企业需求',
  expert: '团组织发给你的征榜评审码，评审由企业需求转成的榜单',
  transfer: '团队登记技术合同后交给受让方企业的确认码，核对后由企业确认',
};

const NEXT_HINTS: Record<RoleCodeKind, string> = {
  enterprise: '现在可以发布技术需求。提交后团组织会接单，每一步进展都会通知你。',
  cadre: '在「需求接单」中查看本组织待接单的企业需求。',
  expert: '打开榜单的征榜页，查看企业承诺，给出同意发榜或退回修改的意见。',
  transfer: '核对合同编号、金额和日期后确认；与实际不符时可以提出异议。',
};

/** 输入邀请码: one box for every one-time code of 企业点单 and 成果转化; says what it bound and where to go next. */
export default function RedeemRoleCodePage() {
  const { code, setCode, busy, errors, redeemed, setRedeemed, submit } = useRedeemCode(
    needService.redeemCode,
    useRouter().params.code ?? '',
  );

  if (redeemed) {
    const next = nextStepOf(redeemed.kind, redeemed.scopeId);
    return (
      <View className='kc-page'>
        <View className='kc-card kc-wide'>
          <View className='kc-banner kc-banner--success'>已绑定为{ROLE_CODE_LABELS[redeemed.kind]}</View>
          <Text className='kc-redeem__label'>{redeemed.label}</Text>
          <View className='kc-muted kc-redeem__next'>{NEXT_HINTS[redeemed.kind]}</View>
          <Button type='primary' block onClick={() => void Taro.redirectTo({ url: next.url })}>
            {next.label}
          </Button>
        </View>
        <View className='kc-actions kc-wide'>
          <Button fill='outline' onClick={() => setRedeemed(null)}>
            再输入一个邀请码
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className='kc-page'>
      <View className='kc-card kc-wide'>
        <View className='kc-muted kc-redeem__hint'>
          邀请码、征榜评审码、成果转化确认码都在这里输入，每个只能使用一次；过期后请向发码的一方重新索取。
        </View>
        <View className='kc-muted kc-redeem__kinds'>
          {ROLE_CODE_KINDS.map((kind) => (
            <View key={kind} className='kc-redeem__kind'>
              <Text>· {ROLE_CODE_LABELS[kind]}：</Text>
              <Text>{KIND_HINTS[kind]}</Text>
            </View>
          ))}
        </View>
        <FormRow label='邀请码' required error={errors.code}>
          <Input value={code} onChange={setCode} placeholder='如 ABCD-EFGH-JKLM' maxLength={TYPED_MAX} />
        </FormRow>
        <View className='kc-actions'>
          <Button type='primary' loading={busy} onClick={submit}>
            确认绑定
          </Button>
        </View>
      </View>
    </View>
  );
}
