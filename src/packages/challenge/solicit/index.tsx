import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { ActionInput } from '@core/api';
import type { ChallengeDetail, IssuedRoleCode, SolicitationView } from '@core/views';
import { Notice, PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { ChallengeStatusTag } from '@/components/StatusTag';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { challengeService } from '@/services/challenge';
import { CommitmentsCard } from './CommitmentsCard';
import { ExpertsCard } from './ExpertsCard';
import { InviteDialog } from './InviteDialog';
import './index.scss';

type Dialog = 'invite' | 'approved' | 'returned' | null;
type Expert = SolicitationView['experts'][number];

const open = (url: string) => () => void Taro.navigateTo({ url });

/** 征榜评审: a need-born draft is published only after the enterprise confirms its commitments and every named expert approves. */
export default function SolicitPage() {
  const { id = '' } = useRouter().params;
  const remote = useRemote(() => challengeService.detail(id), [id]);
  const { busy, run } = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [issued, setIssued] = useState<IssuedRoleCode | null>(null);
  const [removing, setRemoving] = useState<Expert | null>(null);
  const detail = remote.data;
  const update = (next: ChallengeDetail) => remote.setData(next);

  const saveCommitments = async (input: ActionInput<'challenge', 'setCommitments'>) =>
    (await run(() => challengeService.setCommitments(input), '已保存', update)) === null;
  const confirmCommitments = async () => {
    if (!(await confirmStep('确认出题方承诺', '确认以上资源、奖励与验收方式是贵单位的承诺？确认后团组织可据此发榜。', '确认'))) return;
    await run(() => challengeService.confirmCommitments(id), '已确认', update);
  };
  const invite = async (name: string) => {
    setDialog(null);
    const result = await challengeService.inviteExpert({ challengeId: id, name });
    if (!result.ok) return toastFailure(result);
    setIssued(result.data);
    toastDone('已生成评审码');
    void remote.reload();
  };
  const reissue = async (expert: Expert) => {
    if (!(await confirmStep('重新生成评审码', `将为${expert.name}生成新的评审码，原评审码随即作废。`, '重新生成'))) return;
    await invite(expert.name);
  };
  const remove = async (expert: Expert, reason: string) => {
    setRemoving(null);
    const bound = expert.bound ? '，并通知该专家' : '';
    const content = `确定将${expert.name}移出征榜评审？移除原因会记录在案并告知企业${bound}。如需要，可以另行邀请专家。`;
    if (!(await confirmStep('移除评审专家', content, '移除'))) return;
    await run(() => challengeService.removeExpert({ challengeId: id, slot: expert.slot, reason }), '已移除', update);
  };
  const review = async (verdict: 'approved' | 'returned', comment: string) => {
    setDialog(null);
    if (verdict === 'approved' && !(await confirmStep('同意发榜', '确认该榜单的指标、承诺和验收方式可以发布？', '同意发榜'))) return;
    await run(
      () => challengeService.expertReview({ challengeId: id, verdict, comment }),
      verdict === 'approved' ? '已同意' : '已退回',
      update,
    );
  };
  const publish = async () => {
    if (!(await confirmStep('发榜', '发榜后所有突击队都能看到并揭榜，企业会收到通知；揭榜模式和名额不能再改。', '发榜'))) return;
    await run(() => challengeService.publish(id), '已发榜', update);
  };

  return (
    <View className='kc-page kc-solicit'>
      <View className='kc-wide'>
        <PageState loading={remote.loading && !detail} error={remote.error} onRetry={remote.reload}>
          {detail && !detail.solicit ? (
            <Notice tone='empty' title='该榜单不需要征榜评审' description='只有由企业需求转来的榜单，发榜前需要出题方承诺和专家评审。'>
              <Button size='small' onClick={open(`/packages/challenge/detail/index?id=${id}`)}>
                查看榜单
              </Button>
            </Notice>
          ) : null}
          {detail?.solicit ? (
            <>
              <View className='kc-card'>
                <View className='kc-row'>
                  <Text className='kc-solicit__title'>{detail.title}</Text>
                  <View>
                    <ChallengeStatusTag status={detail.status} />
                  </View>
                </View>
                {detail.solicit.needTitle ? (
                  <Text className='kc-link kc-link--wrap' onClick={open(`/packages/need/detail/index?id=${detail.solicit.needId}`)}>
                    来自企业需求：{detail.solicit.needTitle}（{detail.solicit.enterpriseName}） ›
                  </Text>
                ) : (
                  <Text className='kc-muted kc-solicit__source'>来自{detail.solicit.enterpriseName}的企业需求</Text>
                )}
                <Text className='kc-link' onClick={open(`/packages/challenge/detail/index?id=${id}`)}>
                  查看榜单内容 ›
                </Text>
              </View>
              {detail.status !== 'draft' ? (
                <View className='kc-card kc-banner kc-banner--success'>已发榜，征榜评审记录保留在此。</View>
              ) : null}
              <CommitmentsCard
                challengeId={id}
                solicit={detail.solicit}
                canEdit={detail.viewer.canManage && detail.status === 'draft'}
                canConfirm={detail.solicit.viewer.canConfirm && detail.status === 'draft'}
                busy={busy}
                onSave={saveCommitments}
                onConfirm={() => void confirmCommitments()}
              />
              <ExpertsCard
                solicit={detail.solicit}
                canInvite={detail.viewer.canManage && detail.status === 'draft'}
                issued={issued}
                busy={busy}
                onInvite={() => setDialog('invite')}
                onReview={setDialog}
                onRemove={setRemoving}
                onReissue={(expert) => void reissue(expert)}
              />
              {detail.status === 'draft' ? <Blockers blockers={detail.solicit.blockers} /> : null}
              {detail.viewer.canManage && detail.status === 'draft' ? (
                <View className='kc-actions'>
                  <Button fill='outline' type='primary' onClick={open(`/packages/challenge/edit/index?id=${id}`)}>
                    编辑榜单
                  </Button>
                  <Button type='primary' loading={busy} disabled={detail.solicit.blockers.length > 0} onClick={() => void publish()}>
                    发榜
                  </Button>
                </View>
              ) : null}
            </>
          ) : null}
        </PageState>
      </View>
      <InviteDialog visible={dialog === 'invite'} onInvite={(name) => void invite(name)} onCancel={() => setDialog(null)} />
      <ReasonDialog
        visible={removing !== null}
        title={`移除评审专家${removing?.name ?? ''}`}
        hint='写明移除原因（如专家时间冲突、评审码未使用），会记录在案并告知企业。'
        confirmText='下一步'
        minLength={2}
        placeholder='请填写移除原因'
        onConfirm={(reason) => {
          if (removing) void remove(removing, reason);
        }}
        onCancel={() => setRemoving(null)}
      />
      <ReasonDialog
        visible={dialog === 'approved'}
        title='同意发榜'
        hint='可以写几句评审意见，团组织和企业都会看到（选填）。'
        confirmText='下一步'
        minLength={0}
        placeholder='评审意见（选填）'
        onConfirm={(comment) => void review('approved', comment)}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'returned'}
        title='退回修改'
        hint='写明需要修改的指标、承诺或验收方式，团组织会收到你的意见。'
        confirmText='退回修改'
        minLength={4}
        placeholder='请写明修改意见'
        onConfirm={(comment) => void review('returned', comment)}
        onCancel={() => setDialog(null)}
      />
    </View>
  );
}

function Blockers({ blockers }: { blockers: string[] }) {
  if (!blockers.length) return <View className='kc-card kc-banner kc-banner--success'>征榜评审已完成，可以发榜。</View>;
  return (
    <View className='kc-card kc-banner'>
      <Text className='kc-solicit__block-title'>发榜前还需：</Text>
      {blockers.map((blocker) => (
        <View key={blocker}>· {blocker}</View>
      ))}
    </View>
  );
}
