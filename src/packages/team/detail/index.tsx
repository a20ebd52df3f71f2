import { Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Failure, Result } from '@core/errors';
import { formatDate } from '@core/time';
import type { MemberView, TeamDetail } from '@core/views';
import { PageState } from '@/components/PageState';
import { REJECT_APPLICATION, ReasonDialog } from '@/components/ReasonDialog';
import { ReportButton } from '@/components/ReportButton';
import { StatusTag } from '@/components/StatusTag';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { teamService } from '@/services/team';
import { useTeamStore } from '@/stores/useTeamStore';
import { useMe } from '@/stores/useUserStore';
import { InviteCard, joinPath } from './InviteCard';
import { MemberList } from './MemberList';
import { StewardLinks } from './StewardLinks';
import { TeamAchievements } from './TeamAchievements';
import { TeamClaims } from './TeamClaims';
import { TransferEntry } from './TransferEntry';
import './index.scss';

type Dialog = 'dissolve' | 'reject' | null;

export default function TeamDetailPage() {
  const teamId = useRouter().params.id ?? '';
  const loadMine = useTeamStore((state) => state.loadMine);
  const team = useRemote(() => teamService.detail(teamId), [teamId]);
  const [dialog, setDialog] = useState<Dialog>(null);
  const { busy, run } = useAction();
  const detail = team.data;
  const viewerId = useMe()?.id ?? null;

  useShareAppMessage(() => ({
    title: detail ? `邀请你加入「${detail.name}」` : '科创突击队',
    path: detail?.inviteCode ? joinPath(detail.inviteCode) : '/pages/me/index',
  }));

  /** Run one change; show the updated team (or what `after` makes of it) and refresh my team list. */
  async function act<T>(call: () => Promise<Result<T>>, done: string, after?: (data: T) => void): Promise<Failure | null> {
    const failed = await run(call, done, after ?? (() => void team.reload()));
    if (!failed) void loadMine();
    return failed;
  }
  const removeMember = async (member: MemberView) => {
    if (!(await confirmStep('移出成员', `确定将${member.name}移出队伍？对方会收到通知。`, '移出'))) return;
    await act(
      () => teamService.removeMember(teamId, member.userId),
      '已移出',
      (data: TeamDetail) => team.setData(data),
    );
  };
  const makeLeader = async (member: MemberView) => {
    if (!(await confirmStep('移交队长', `确定将队长身份移交给${member.name}？移交后你将成为普通队员。`, '移交'))) return;
    await act(
      () => teamService.transferLeader(teamId, member.userId),
      '已移交',
      (data: TeamDetail) => team.setData(data),
    );
  };
  const leave = async () => {
    if (!detail || !(await confirmStep('退出队伍', `确定退出「${detail.name}」？退出后需要重新凭邀请码加入。`, '退出'))) return;
    const failed = await act(
      () => teamService.leave(teamId),
      '已退出',
      () => undefined,
    );
    if (!failed) void Taro.navigateBack();
  };
  const dissolve = async (reason: string) => {
    setDialog(null);
    await act(() => teamService.dissolve(teamId, reason), '队伍已解散');
  };
  const review = async (decision: 'approve' | 'reject', reason = '') => {
    setDialog(null);
    await act(() => teamService.review({ teamId, decision, reason }), decision === 'approve' ? '已通过备案' : '已驳回');
  };

  return (
    <View className='kc-page kc-team'>
      <PageState loading={team.loading} error={team.error} onRetry={team.reload}>
        {detail ? (
          <>
            {detail.hidden ? (
              <View className='kc-card kc-banner kc-banner--danger'>该队伍的介绍已被管理员隐藏：{detail.hidden.reason}</View>
            ) : null}
            <View className='kc-card'>
              <View className='kc-row'>
                <Text className='kc-team__name'>{detail.name}</Text>
                <View>
                  <StatusTag status={detail.status} refreshDue={detail.refreshDue} />
                </View>
              </View>
              <View className='kc-team__facts'>
                <Text>领域：{detail.field}</Text>
                <Text>
                  单位：{detail.unitName}
                  {detail.crossUnit ? '（跨单位组队）' : ''}
                </Text>
                <Text>团组织：{detail.leagueOrgName}</Text>
                <Text>党组织：{detail.partyOrgName}</Text>
                <Text>
                  队长：{detail.leaderName} · {detail.memberCount} 人
                </Text>
                {detail.registeredAt ? (
                  <Text>备案日期：{formatDate(detail.registeredAt)}</Text>
                ) : (
                  <Text>申请日期：{formatDate(detail.appliedAt)}</Text>
                )}
              </View>
              {detail.intro ? <View className='kc-team__intro'>{detail.intro}</View> : null}
              <ReportButton
                targetKind='team'
                targetId={detail.id}
                hidden={detail.viewer.isLeader || detail.viewer.isApplicant}
                placement='end'
              />
            </View>

            {detail.viewer.isLeader || detail.viewer.isOrganizer ? <StewardLinks teamId={detail.id} /> : null}

            {detail.status === 'pending' ? (
              <View className='kc-card kc-banner'>等待{detail.leagueOrgName}审核备案，结果会通过消息通知。</View>
            ) : null}
            {detail.status === 'rejected' && detail.review ? (
              <View className='kc-card kc-banner kc-banner--danger'>
                未通过备案（{formatDate(detail.review.at)}）：{detail.review.reason}
                {detail.viewer.isApplicant ? (
                  <Button
                    size='small'
                    type='primary'
                    style={{ marginTop: '8px' }}
                    onClick={() => Taro.redirectTo({ url: '/packages/team/apply/index' })}
                  >
                    修改后重新申请
                  </Button>
                ) : null}
              </View>
            ) : null}
            {detail.dissolved ? (
              <View className='kc-card kc-banner'>
                已于{formatDate(detail.dissolved.at)}解散：{detail.dissolved.reason}
              </View>
            ) : null}
            {detail.refreshDue && (detail.viewer.isLeader || detail.viewer.isOrganizer) ? (
              <View className='kc-card kc-banner'>
                备案信息已超过 90 天未确认（应于 {detail.refreshDueAt ? formatDate(detail.refreshDueAt) : ''} 前更新）。
                {detail.viewer.isLeader ? '请确认或修改备案信息。' : '已提醒队长更新。'}
              </View>
            ) : null}

            {detail.viewer.isOrganizer && detail.status === 'pending' ? (
              <View className='kc-actions'>
                <Button type='danger' fill='outline' disabled={busy} onClick={() => setDialog('reject')}>
                  驳回
                </Button>
                <Button type='primary' loading={busy} onClick={() => review('approve')}>
                  通过备案
                </Button>
              </View>
            ) : null}

            {detail.inviteCode ? <InviteCard inviteCode={detail.inviteCode} /> : null}

            {detail.members ? (
              <>
                <View className='kc-section-title'>成员（{detail.members.length}）</View>
                <MemberList
                  members={detail.members}
                  viewerId={viewerId}
                  canManage={detail.viewer.isLeader && detail.status === 'registered'}
                  onRemove={removeMember}
                  onMakeLeader={makeLeader}
                />
              </>
            ) : detail.status === 'registered' ? (
              <View className='kc-card kc-muted'>成员名单和联系方式仅本队成员和所属团组织可见。</View>
            ) : null}

            {detail.registeredAt ? (
              <TeamAchievements teamId={teamId} canPost={detail.status === 'registered' && detail.viewer.isMember} />
            ) : null}
            {detail.registeredAt ? <TeamClaims teamId={teamId} /> : null}
            {detail.registeredAt && (detail.viewer.isMember || detail.viewer.isOrganizer) ? <TransferEntry teamId={teamId} /> : null}

            {detail.status === 'registered' && detail.viewer.isLeader ? (
              <View className='kc-actions'>
                <Button type='primary' fill='outline' onClick={() => Taro.navigateTo({ url: `/packages/team/refresh/index?id=${teamId}` })}>
                  更新备案信息
                </Button>
                <Button type='danger' fill='outline' disabled={busy} onClick={() => setDialog('dissolve')}>
                  解散队伍
                </Button>
              </View>
            ) : null}
            {detail.status === 'registered' && detail.viewer.isMember && !detail.viewer.isLeader ? (
              <View className='kc-actions'>
                <Button type='danger' fill='outline' disabled={busy} onClick={leave}>
                  退出队伍
                </Button>
              </View>
            ) : null}
          </>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={dialog === 'dissolve'}
        title='解散队伍'
        hint='解散后队伍记录会保留，成员会收到通知，无法再凭邀请码加入。请写明原因。'
        confirmText='确认解散'
        minLength={2}
        onConfirm={dissolve}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'reject'}
        {...REJECT_APPLICATION}
        onConfirm={(reason) => review('reject', reason)}
        onCancel={() => setDialog(null)}
      />
    </View>
  );
}
