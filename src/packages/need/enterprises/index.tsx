import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { EnterpriseView } from '@core/views/need';
import { Notice, PageState } from '@/components/PageState';
import { OrgScoped } from '@/components/OrgScoped';
import { ReasonDialog } from '@/components/ReasonDialog';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { needService } from '@/services/need';
import { organizedOrgs, useMe } from '@/stores/useUserStore';
import { CodeIssuer } from './CodeIssuer';
import { EnterpriseItem } from './EnterpriseItem';
import './index.scss';

/** 企业与接单干部: enterprise applications to decide, certified enterprises, and codes for contacts and cadres. */
export default function EnterprisesPage() {
  return (
    <OrgScoped scopes={organizedOrgs(useMe())} refusal={<Notice tone='empty' title='只有团组织管理员可以管理企业与接单干部' />}>
      {(orgId) => <OrgEnterprises key={orgId} orgId={orgId} />}
    </OrgScoped>
  );
}

function OrgEnterprises({ orgId }: { orgId: string }) {
  const remote = useRemote(() => needService.applications(orgId), [orgId]);
  const { busy, run } = useAction();
  const [rejecting, setRejecting] = useState<EnterpriseView | null>(null);
  const list = remote.data ?? [];
  const pending = list.filter((enterprise) => enterprise.status === 'pending');
  const active = list.filter((enterprise) => enterprise.status === 'active');

  const replace = (next: EnterpriseView) => remote.setData(list.map((one) => (one.id === next.id ? next : one)));
  const approve = async (enterprise: EnterpriseView) => {
    const who = enterprise.applicant
      ? `${enterprise.applicant.name}（${enterprise.applicant.unitName}，${enterprise.applicant.phone}）`
      : '申请人';
    const asked = `通过后 ${who} 成为「${enterprise.name}」的企业联系人，可以代表企业发布需求。请先核实对方身份。`;
    if (!(await confirmStep('通过企业认证', asked, '通过'))) return;
    await run(() => needService.decideApplication({ orgId, enterpriseId: enterprise.id, approve: true }), '已通过', replace);
  };
  const reject = async (reason: string) => {
    const enterprise = rejecting;
    setRejecting(null);
    if (!enterprise) return;
    await run(() => needService.decideApplication({ orgId, enterpriseId: enterprise.id, approve: false, reason }), '已处理', replace);
  };

  return (
    <>
      <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
        <View className='kc-columns'>
          <View className='kc-card'>
            <Text className='kc-need-ent__card-title'>待确认的企业认证（{pending.length}）</Text>
            {pending.length ? (
              pending.map((enterprise) => (
                <EnterpriseItem
                  key={enterprise.id}
                  enterprise={enterprise}
                  busy={busy}
                  onApprove={(one) => void approve(one)}
                  onReject={setRejecting}
                />
              ))
            ) : (
              <View className='kc-muted'>没有待确认的申请。企业联系人在「我的 → 企业认证」中提交申请后会出现在这里。</View>
            )}
          </View>
          <View className='kc-card'>
            <Text className='kc-need-ent__card-title'>已认证企业（{active.length}）</Text>
            {active.length ? (
              active.map((enterprise) => <EnterpriseItem key={enterprise.id} enterprise={enterprise} />)
            ) : (
              <View className='kc-muted'>还没有已认证的企业。</View>
            )}
          </View>
        </View>
      </PageState>
      <CodeIssuer orgId={orgId} onIssued={() => void remote.reload()} />
      <ReasonDialog
        visible={rejecting !== null}
        title='不通过企业认证'
        hint={`写明「${rejecting?.name ?? ''}」不通过的原因，申请人会看到。`}
        confirmText='确认不通过'
        minLength={2}
        onConfirm={(reason) => void reject(reason)}
        onCancel={() => setRejecting(null)}
      />
    </>
  );
}
