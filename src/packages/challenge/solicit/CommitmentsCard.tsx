import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { commitmentsInput } from '@core/schemas/challenge';
import { formatDateTime } from '@core/time';
import type { SolicitationView } from '@core/views';
import { FormRow } from '@/components/FormRow';
import { ToneTag } from '@/components/ToneTag';
import { confirmStep } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';

type Commitments = { resources: string; reward: string; acceptance: string };

export type CommitmentsCardProps = {
  challengeId: string;
  solicit: SolicitationView;
  /** Organizers of the challenge, while it is a draft. */
  canEdit: boolean;
  /** The enterprise contact, while the draft's commitments wait for them. */
  canConfirm: boolean;
  busy: boolean;
  onSave: (input: Commitments & { challengeId: string }) => Promise<boolean>;
  onConfirm: () => void;
};

/** 出题方承诺: what the enterprise puts in (resources, reward, acceptance), recorded by the organizer and confirmed by the enterprise. */
export function CommitmentsCard({ challengeId, solicit, canEdit, canConfirm, busy, onSave, onConfirm }: CommitmentsCardProps) {
  const current = solicit.commitments;
  const [editing, setEditing] = useState<Commitments | null>(null);
  const { errors, check } = useFormErrors();

  const save = async () => {
    if (!editing) return;
    const checked = check(commitmentsInput, { challengeId, ...editing });
    if (!checked) return;
    const reviewed = solicit.commitmentsConfirmed || solicit.experts.some((expert) => expert.verdict !== 'pending');
    if (reviewed && !(await confirmStep('修改出题方承诺', '修改后需要企业重新确认，评审专家的意见也会重置为待评审。确定修改？', '修改')))
      return;
    if (await onSave(checked)) setEditing(null);
  };

  return (
    <View className='kc-card kc-solicit__block'>
      <View className='kc-row'>
        <Text className='kc-solicit__block-title'>出题方承诺</Text>
        <View>
          {current ? (
            solicit.commitmentsConfirmed ? (
              <ToneTag tone='success'>企业已确认</ToneTag>
            ) : (
              <ToneTag tone='warning'>待企业确认</ToneTag>
            )
          ) : (
            <ToneTag tone='muted'>未录入</ToneTag>
          )}
        </View>
      </View>
      {editing ? (
        <>
          <FormRow label='投入的资源' required block error={errors.resources}>
            <TextArea
              value={editing.resources}
              onChange={(resources) => setEditing({ ...editing, resources })}
              placeholder='如测试车辆、数据、场地、专家'
              maxLength={500}
              showCount
              rows={3}
            />
          </FormRow>
          <FormRow label='奖励与合作方式' required block error={errors.reward}>
            <TextArea
              value={editing.reward}
              onChange={(reward) => setEditing({ ...editing, reward })}
              placeholder='如验收后签订技术开发合同'
              maxLength={300}
              showCount
              rows={2}
            />
          </FormRow>
          <FormRow label='验收方式' required block error={errors.acceptance}>
            <TextArea
              value={editing.acceptance}
              onChange={(acceptance) => setEditing({ ...editing, acceptance })}
              placeholder='由谁、在哪里、按什么指标验收'
              maxLength={500}
              showCount
              rows={3}
            />
          </FormRow>
          <View className='kc-actions'>
            <Button fill='outline' disabled={busy} onClick={() => setEditing(null)}>
              取消
            </Button>
            <Button type='primary' loading={busy} onClick={() => void save()}>
              保存承诺
            </Button>
          </View>
        </>
      ) : current ? (
        <View className='kc-solicit__facts'>
          <Text>投入的资源：{current.resources}</Text>
          <Text>奖励与合作方式：{current.reward}</Text>
          <Text>验收方式：{current.acceptance}</Text>
          <Text className='kc-muted'>
            {formatDateTime(current.at)} 录入
            {solicit.commitmentsConfirmed
              ? `；${solicit.commitmentsConfirmed.byName} 于 ${formatDateTime(solicit.commitmentsConfirmed.at)} 确认`
              : '，等待企业联系人确认'}
          </Text>
        </View>
      ) : (
        <View className='kc-muted'>团组织与企业商定后录入：企业投入的资源、奖励与合作方式、验收方式，再由企业联系人确认。</View>
      )}
      {!editing && (canEdit || (canConfirm && current && !solicit.commitmentsConfirmed)) ? (
        <View className='kc-actions'>
          {canEdit ? (
            <Button
              fill='outline'
              type='primary'
              disabled={busy}
              onClick={() => setEditing(current ?? { resources: '', reward: '', acceptance: '' })}
            >
              {current ? '修改承诺' : '录入承诺'}
            </Button>
          ) : null}
          {canConfirm && current && !solicit.commitmentsConfirmed ? (
            <Button type='primary' loading={busy} onClick={onConfirm}>
              确认承诺
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
