import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { InterestCard } from '@core/views';
import { Notice, PageState } from '@/components/PageState';
import { OrgScoped } from '@/components/OrgScoped';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { transferService } from '@/services/transfer';
import { organizedOrgs, useMe } from '@/stores/useUserStore';
import { ForwardDialog } from './ForwardDialog';
import { InterestItem } from './InterestItem';
import './index.scss';

/** 合作意向: enterprises' interest in achievements under the org, which the organizer carries to the team. */
export default function InterestsPage() {
  const params = useRouter().params;
  return (
    <OrgScoped
      scopes={organizedOrgs(useMe())}
      fixed={params.orgId}
      refusal={<Notice tone='empty' title='只有团组织管理员可以查看合作意向' />}
    >
      {(orgId) => <OrgInterests key={orgId} orgId={orgId} />}
    </OrgScoped>
  );
}

function OrgInterests({ orgId }: { orgId: string }) {
  const list = useRemote(() => transferService.interests(orgId), [orgId]);
  const { busy, run } = useAction();
  const [forwarding, setForwarding] = useState<InterestCard | null>(null);

  const forward = async (note: string) => {
    const interest = forwarding;
    setForwarding(null);
    if (!interest) return;
    const question = `把「${interest.enterpriseName}」对「${interest.achievementTitle}」的合作意向转达给「${interest.teamName}」？转达后不能撤回。`;
    if (!(await confirmStep('转达团队', question, '转达'))) return;
    await run(
      () => transferService.forwardInterest({ orgId, interestId: interest.id, note }),
      '已转达',
      (card) => list.setData((list.data ?? []).map((item) => (item.id === card.id ? card : item))),
    );
  };

  return (
    <>
      <PageState
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={list.reload}
        empty={list.data?.length === 0}
        emptyTitle='还没有合作意向'
        emptyDescription='企业联系人在科技成果库中对本组织所属团队的成果表达合作意向后，会出现在这里，由你转达团队。'
      >
        {list.data?.length ? (
          <>
            <View className='kc-card kc-muted'>
              企业的合作意向经团组织转达团队：核实企业和联系人后点「转达团队」，队长会收到意向和联系方式。
            </View>
            {list.data.map((interest) => (
              <InterestItem key={interest.id} interest={interest} busy={busy} onForward={setForwarding} />
            ))}
          </>
        ) : null}
      </PageState>
      <ForwardDialog interest={forwarding} onConfirm={(note) => void forward(note)} onCancel={() => setForwarding(null)} />
    </>
  );
}
