import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { issueRoleCodeInput } from '@core/schemas/need';
import type { IssuedRoleCode } from '@core/views/need';
import { FormRow } from '@/components/FormRow';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { needService } from '@/services/need';
import { IssuedRoleCodeCard } from './IssuedRoleCodeCard';

export type CodeIssuerProps = { orgId: string; onIssued: () => void };

/** One-time codes: an enterprise contact's (naming the enterprise) and a cadre's for this org. */
export function CodeIssuer({ orgId, onIssued }: CodeIssuerProps) {
  const [enterpriseName, setEnterpriseName] = useState('');
  const [issued, setIssued] = useState<IssuedRoleCode | null>(null);
  const [busy, setBusy] = useState<'enterprise' | 'cadre' | null>(null);
  const { errors, check } = useFormErrors();

  const issue = async (kind: 'enterprise' | 'cadre') => {
    if (busy) return;
    const named = kind === 'enterprise' && enterpriseName.trim() ? { enterpriseName } : {};
    const checked = check(issueRoleCodeInput, { orgId, kind, ...named });
    if (!checked) return;
    if (
      checked.kind === 'enterprise' &&
      !(await confirmStep(
        '生成企业联系人邀请码',
        `将把「${checked.enterpriseName ?? ''}」登记为本组织的已认证企业并生成一次性邀请码。名称须与营业执照一致（成果转化按此名称核对受让方）。`,
        '生成',
      ))
    )
      return;
    setBusy(kind);
    const result = await needService.issueCode(checked);
    setBusy(null);
    if (!result.ok) return toastFailure(result);
    setIssued(result.data);
    if (kind === 'enterprise') {
      setEnterpriseName('');
      onIssued(); // the enterprise is listed as certified now
    }
  };

  return (
    <View className='kc-card'>
      <Text className='kc-need-ent__card-title'>邀请码</Text>
      <View className='kc-muted'>
        生成一次性邀请码交给对方：企业联系人输入后即可代表该企业发布需求；接单干部输入后可以接本组织及下级组织的企业需求。
      </View>
      {issued ? <IssuedRoleCodeCard issued={issued} /> : null}
      <FormRow label='企业名称' error={errors.enterpriseName || errors['']}>
        <Input value={enterpriseName} onChange={setEnterpriseName} placeholder='营业执照上的企业全称' maxLength={60} />
      </FormRow>
      <View className='kc-actions kc-need-ent__codes'>
        <Button type='primary' fill='outline' loading={busy === 'enterprise'} onClick={() => void issue('enterprise')}>
          生成企业联系人邀请码
        </Button>
        <Button type='primary' fill='outline' loading={busy === 'cadre'} onClick={() => void issue('cadre')}>
          生成接单干部邀请码
        </Button>
      </View>
    </View>
  );
}
