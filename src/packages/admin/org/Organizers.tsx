import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatDate } from '@core/time';
import type { IssuedCode, OrganizerList, OrganizerRow, OrgNode } from '@core/views';
import { ReasonDialog } from '@/components/ReasonDialog';
import { confirmStep, toastDone } from '@/hooks/feedback';
import { adminService } from '@/services/admin';
import { IssuedCodeCard } from './IssuedCodeCard';
import { OrganizerItem } from './OrganizerItem';
import { explainRefusal } from './refusal';
import './forms.scss';

export type OrganizersProps = { org: OrgNode; list: OrganizerList; onList: (list: OrganizerList) => void };

/** 管理员: who administers this league org, invite codes still open, new invites and revoking. */
export function Organizers({ org, list, onList }: OrganizersProps) {
  const [issued, setIssued] = useState<IssuedCode | null>(null);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<OrganizerRow | null>(null);

  const issue = async () => {
    if (issuing) return;
    setIssuing(true);
    const result = await adminService.issueCode(org.id);
    if (!result.ok) {
      setIssuing(false);
      return explainRefusal('无法生成邀请码', result);
    }
    setIssued(result.data);
    // The new code is one of the open ones now.
    const refreshed = await adminService.organizers(org.id);
    setIssuing(false);
    if (refreshed.ok) onList(refreshed.data);
  };

  const revoke = async (reason: string) => {
    const row = revoking;
    setRevoking(null);
    if (!row) return;
    const asked = `撤销后 ${row.name} 不再能管理「${org.name}」及其下级组织。记录会保留，需要时可重新邀请。`;
    if (!(await confirmStep('撤销管理员', asked, '撤销'))) return;
    const result = await adminService.revokeOrganizer({ orgId: org.id, userId: row.userId, reason });
    if (!result.ok) return explainRefusal('无法撤销', result);
    toastDone('已撤销');
    onList(result.data);
  };

  return (
    <View>
      <View className='kc-section-title'>管理员</View>
      <View className='kc-card'>
        {list.organizers.length ? (
          list.organizers.map((row) => <OrganizerItem key={row.userId} row={row} onRevoke={org.retired ? undefined : setRevoking} />)
        ) : (
          <View className='kc-muted'>本组织还没有自己的管理员。</View>
        )}
        {list.inheritedCount ? (
          <View className='kc-muted kc-org__inherited'>另有 {list.inheritedCount} 位上级组织管理员也可管理本组织</View>
        ) : null}
      </View>
      {org.retired ? null : (
        <View className='kc-card'>
          <Text className='kc-org-form__title'>邀请管理员</Text>
          <View className='kc-muted'>生成一次性邀请码交给对方，对方输入后成为本组织的管理员。</View>
          {issued ? <IssuedCodeCard issued={issued} /> : null}
          {list.openCodes.length ? (
            <View className='kc-org__codes'>
              <Text className='kc-muted'>尚未使用的邀请码</Text>
              {list.openCodes.map((code, at) => (
                <View key={`${code.issuedAt}-${at}`} className='kc-org__code-line'>
                  {code.issuedByName} 于 {formatDate(code.issuedAt)} 生成，{formatDate(code.expiresAt)} 前有效
                </View>
              ))}
            </View>
          ) : null}
          <View className='kc-actions'>
            <Button type='primary' fill='outline' loading={issuing} onClick={issue}>
              生成邀请码
            </Button>
          </View>
        </View>
      )}
      <ReasonDialog
        visible={revoking !== null}
        title='撤销管理员'
        hint={`写明撤销 ${revoking?.name ?? ''} 管理员身份的原因，记录会保留。`}
        confirmText='下一步'
        minLength={2}
        onConfirm={(reason) => void revoke(reason)}
        onCancel={() => setRevoking(null)}
      />
    </View>
  );
}
