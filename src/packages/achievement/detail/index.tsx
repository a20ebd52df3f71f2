import { Image, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { ACHIEVEMENT_TYPE_LABELS, IMAGE_STATUS_LABELS } from '@core/achievement-rules';
import { EVIDENCE_LABELS } from '@core/evidence';
import { formatDate, formatDateTime } from '@core/time';
import type { AchievementDetail } from '@core/views';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { ReportButton } from '@/components/ReportButton';
import { AchievementStatusTag } from '@/components/StatusTag';
import { ToneTag } from '@/components/ToneTag';
import { confirmStep } from '@/hooks/feedback';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { achievementService } from '@/services/achievement';
import { TransferLinks } from './TransferLinks';
import './index.scss';

type Dialog = 'return' | 'feature' | null;

function Evidence({ evidence }: { evidence: AchievementDetail['evidence'] }) {
  if (evidence.kind === 'none') return null;
  return (
    <View className='kc-achievement__evidence'>
      <Text className='kc-muted'>{EVIDENCE_LABELS[evidence.kind]}：</Text>
      <Text selectable>{evidence.ref}</Text>
    </View>
  );
}

export default function AchievementDetailPage() {
  const { id = '' } = useRouter().params;
  const detail = useRemote(() => achievementService.detail(id), [id]);
  const { busy, run } = useAction();
  const [dialog, setDialog] = useState<Dialog>(null);
  const data = detail.data;

  useShareAppMessage(() => ({
    title: data ? `${data.teamName}：${data.title}` : '科创突击队成果',
    path: `/packages/achievement/detail/index?id=${id}`,
  }));

  const update = (next: AchievementDetail) => detail.setData(next);
  const copyLink = () => Taro.setClipboardData({ data: typeof window === 'undefined' ? id : window.location.href }).catch(() => undefined);
  const confirmIt = async () => {
    if (!data) return;
    const question = `确认「${data.title}」属实？确认后计入队伍成果、在动态中公开，并通知队长和贡献者；之后修改须重新确认。`;
    if (await confirmStep('确认成果', question, '确认')) void run(() => achievementService.confirm(data.id), '已确认', update);
  };
  const discard = async () => {
    if (!data || !(await confirmStep('删除草稿', '删除后无法恢复，确定删除这份成果草稿吗？', '删除'))) return;
    await run(
      () => achievementService.discard(data.teamId, data.id),
      '已删除',
      () => void Taro.navigateBack(),
    );
  };

  return (
    <View className='kc-page'>
      <PageState loading={detail.loading && !data} error={detail.error} onRetry={detail.reload}>
        {data ? (
          <>
            {data.hidden ? <View className='kc-card kc-banner kc-banner--danger'>该内容已被管理员隐藏：{data.hidden.reason}</View> : null}
            <View className='kc-card'>
              <View className='kc-achievement__tags'>
                {data.featured ? <ToneTag tone='danger'>典型案例</ToneTag> : null}
                <ToneTag tone='info'>{ACHIEVEMENT_TYPE_LABELS[data.type]}</ToneTag>
                <AchievementStatusTag status={data.status} />
                {data.revised ? <ToneTag tone='muted'>已修改</ToneTag> : null}
                {data.contentFlag ? <ToneTag tone='warning'>内容待人工复核</ToneTag> : null}
              </View>
              <Text className='kc-achievement__title'>{data.title}</Text>
              <View className='kc-muted'>
                {data.teamName} · {data.field}
              </View>
              <Text className='kc-achievement__summary'>{data.summary}</Text>
              <Evidence evidence={data.evidence} />
              {data.claim ? <View className='kc-muted'>关联揭榜：{data.claim.challengeTitle}</View> : null}
              <View className='kc-muted'>贡献者：{data.contributors.map((person) => person.name).join('、')}</View>
              <ReportButton targetKind='achievement' targetId={data.id} hidden={data.viewer.isTeam} placement='end' />
            </View>

            <TransferLinks data={data} />

            {data.feature ? (
              <View className='kc-card kc-achievement__feature'>
                <Text className='kc-achievement__feature-title'>典型案例</Text>
                <Text>{data.feature.note}</Text>
                <Text className='kc-muted'>
                  {data.feature.byName} · {formatDate(data.feature.at)}
                </Text>
              </View>
            ) : null}

            {data.images.length ? (
              <View className='kc-card kc-achievement__images'>
                {data.images.map((image) => (
                  <View key={image.url} className='kc-achievement__image-box'>
                    <Image
                      className='kc-achievement__image'
                      src={image.url}
                      mode='aspectFill'
                      onClick={() => void Taro.previewImage({ current: image.url, urls: data.images.map((one) => one.url) })}
                    />
                    {IMAGE_STATUS_LABELS[image.status] ? (
                      <Text className='kc-achievement__image-status'>{IMAGE_STATUS_LABELS[image.status]}</Text>
                    ) : null}
                  </View>
                ))}
              </View>
            ) : null}

            {data.attachments.length ? (
              <View className='kc-card'>
                <Text className='kc-achievement__block-title'>附件</Text>
                {data.attachments.map((file) => (
                  <View key={file.url} className='kc-link' onClick={() => void Taro.setClipboardData({ data: file.url })}>
                    📎 {file.name}
                  </View>
                ))}
              </View>
            ) : null}

            <View className='kc-card'>
              <Text className='kc-achievement__block-title'>确认记录</Text>
              {data.confirmation ? (
                <View>
                  <View>
                    {data.confirmation.byName} 于 {formatDateTime(data.confirmation.at)} 确认
                  </View>
                  {data.confirmation.outsideTeam ? <View className='kc-muted'>确认时不在队内</View> : null}
                  {data.confirmation.joinedSince ? <View className='kc-muted'>确认人现为本队成员（确认后加入）</View> : null}
                </View>
              ) : (
                <View className='kc-muted'>{data.status === 'draft' ? '草稿，尚未提交确认' : '尚未确认，不计入队伍成果'}</View>
              )}
              {data.returned ? (
                <View className='kc-banner kc-banner--danger'>
                  {data.returned.byName} 退回：{data.returned.reason}
                </View>
              ) : null}
              {data.versions.map((version, index) => (
                <View key={index} className='kc-achievement__version'>
                  <Text className='kc-muted'>
                    修改前已确认的版本（{version.confirmedByName} · {formatDate(version.confirmedAt)}）
                  </Text>
                  <Text>{version.title}</Text>
                  <Text className='kc-muted'>{version.summary}</Text>
                </View>
              ))}
            </View>

            <View className='kc-actions'>
              {data.viewer.canEdit ? (
                <Button
                  fill='outline'
                  type='primary'
                  onClick={() => Taro.navigateTo({ url: `/packages/achievement/edit/index?teamId=${data.teamId}&id=${data.id}` })}
                >
                  {data.status === 'confirmed' ? '修改（需重新确认）' : '编辑'}
                </Button>
              ) : null}
              {data.viewer.canSubmit ? (
                <Button
                  type='primary'
                  loading={busy}
                  onClick={() => run(() => achievementService.submit(data.teamId, data.id), '已提交确认', update)}
                >
                  提交确认
                </Button>
              ) : null}
              {data.viewer.canDiscard ? (
                <Button type='danger' fill='outline' disabled={busy} onClick={discard}>
                  删除草稿
                </Button>
              ) : null}
              {data.viewer.canConfirm ? (
                <>
                  <Button type='danger' fill='outline' disabled={busy} onClick={() => setDialog('return')}>
                    退回
                  </Button>
                  <Button type='primary' loading={busy} onClick={() => void confirmIt()}>
                    确认成果
                  </Button>
                </>
              ) : null}
              {data.viewer.canFeature ? (
                data.featured ? (
                  <Button
                    fill='outline'
                    disabled={busy}
                    onClick={() =>
                      run(() => achievementService.feature({ achievementId: data.id, featured: false, note: '' }), '已取消', update)
                    }
                  >
                    取消典型案例
                  </Button>
                ) : (
                  <Button fill='outline' type='primary' disabled={busy} onClick={() => setDialog('feature')}>
                    设为典型案例
                  </Button>
                )
              ) : null}
              {data.status === 'confirmed' && process.env.TARO_ENV === 'h5' ? (
                <Button fill='outline' onClick={copyLink}>
                  复制分享链接
                </Button>
              ) : null}
              {data.status === 'confirmed' && process.env.TARO_ENV === 'weapp' ? (
                <Button fill='outline' openType='share'>
                  分享
                </Button>
              ) : null}
            </View>
          </>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={dialog === 'return'}
        title='退回成果'
        hint='写明需要补充或修改的内容，队长和贡献者会看到。'
        confirmText='确认退回'
        minLength={2}
        onConfirm={(reason) => {
          setDialog(null);
          if (data) void run(() => achievementService.returnIt(data.id, reason), '已退回', update);
        }}
        onCancel={() => setDialog(null)}
      />
      <ReasonDialog
        visible={dialog === 'feature'}
        title='设为典型案例'
        hint='用一段简短、据实的文字说明它为什么值得推广（至少 10 个字），不夸大。'
        confirmText='设为典型案例'
        minLength={10}
        placeholder='据实说明：做成了什么、对谁有用'
        onConfirm={(note) => {
          setDialog(null);
          if (data) void run(() => achievementService.feature({ achievementId: data.id, featured: true, note }), '已设为典型案例', update);
        }}
        onCancel={() => setDialog(null)}
      />
    </View>
  );
}
