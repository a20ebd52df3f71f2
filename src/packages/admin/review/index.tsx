import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatDate } from '@core/time';
import type { TeamSummary } from '@core/views';
import { PageState } from '@/components/PageState';
import { REJECT_APPLICATION, ReasonDialog } from '@/components/ReasonDialog';
import { TeamCard } from '@/components/TeamCard';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { teamService } from '@/services/team';

export default function ReviewPage() {
  const queue = useRemote(() => teamService.pending());
  const [rejecting, setRejecting] = useState<TeamSummary | null>(null);
  const [busyId, setBusyId] = useState('');

  const decide = async (team: TeamSummary, decision: 'approve' | 'reject', reason = '') => {
    setBusyId(team.id);
    const result = await teamService.review({ teamId: team.id, decision, reason });
    setBusyId('');
    if (!result.ok) return toastFailure(result);
    toastDone(decision === 'approve' ? '已通过备案' : '已驳回');
    queue.setData((queue.data ?? []).filter((item) => item.id !== team.id));
  };
  const approve = async (team: TeamSummary) => {
    if (await confirmStep('通过备案', `确认「${team.name}」完成备案？申请人将成为队长。`, '通过')) await decide(team, 'approve');
  };

  return (
    <View className='kc-page'>
      <PageState
        loading={queue.loading}
        error={queue.error}
        onRetry={queue.reload}
        empty={queue.data?.length === 0}
        emptyTitle='没有待审核的申请'
        emptyDescription='新的组建申请会出现在这里，并通过消息提醒你。'
      >
        {queue.data?.map((team) => (
          <TeamCard
            key={team.id}
            team={team}
            extra={
              <View onClick={(e) => e.stopPropagation()}>
                <View className='kc-muted' style={{ marginTop: '6px' }}>
                  申请于 {formatDate(team.appliedAt)}
                </View>
                <View className='kc-actions'>
                  <Button size='small' type='danger' fill='outline' disabled={busyId === team.id} onClick={() => setRejecting(team)}>
                    驳回
                  </Button>
                  <Button size='small' type='primary' loading={busyId === team.id} onClick={() => approve(team)}>
                    通过备案
                  </Button>
                </View>
              </View>
            }
          />
        ))}
      </PageState>
      <ReasonDialog
        visible={rejecting !== null}
        {...REJECT_APPLICATION}
        onConfirm={(reason) => {
          const team = rejecting;
          setRejecting(null);
          if (team) void decide(team, 'reject', reason);
        }}
        onCancel={() => setRejecting(null)}
      />
    </View>
  );
}
