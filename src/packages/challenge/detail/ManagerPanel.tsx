import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { CHALLENGE_MACHINE, type ChallengeEvent } from '@core/challenge-rules';
import { allows } from '@core/machine';
import type { ChallengeDetail } from '@core/views';

export type ManagerPanelProps = {
  detail: ChallengeDetail;
  busy: boolean;
  onPublish: () => void;
  onCancel: () => void;
  onDiscard: () => void;
};

const go = (url: string) => () => Taro.navigateTo({ url });

/** What the publishing organizer can do at each status, and the code the issuer contact binds with. */
export function ManagerPanel({ detail, busy, onPublish, onCancel, onDiscard }: ManagerPanelProps) {
  const can = (event: ChallengeEvent) => allows(CHALLENGE_MACHINE, detail.status, event);
  // A closed or cancelled challenge has nothing left to manage.
  if (!can('edit')) return null;
  // Failing an open challenge is offered once its claim deadline has passed without a selection.
  const closable = can('succeed') || (can('fail') && detail.daysLeft < 0);
  return (
    <View className='kc-card'>
      {detail.viewer.reviewerCode ? (
        <View className='kc-challenge__code'>
          <Text>
            出题单位评审码：<Text className='kc-challenge__code-value'>{detail.viewer.reviewerCode}</Text>
          </Text>
          <View className='kc-muted'>
            {detail.reviewerName
              ? `已由 ${detail.reviewerName} 绑定，可与你一起评榜和评审节点。`
              : '发给出题单位联系人，对方在「我的 → 出题单位评审」输入后即可参与评榜。'}
          </View>
        </View>
      ) : null}
      <View className='kc-actions'>
        <Button fill='outline' type='primary' onClick={go(`/packages/challenge/edit/index?id=${detail.id}`)}>
          编辑
        </Button>
        {can('publish') ? (
          // A need-born draft is published only once its 征榜 review is through (see 征榜评审 above).
          <Button type='primary' loading={busy} disabled={Boolean(detail.solicit?.blockers.length)} onClick={onPublish}>
            立即发榜
          </Button>
        ) : null}
        {detail.status === 'draft' ? (
          <Button type='danger' fill='outline' disabled={busy} onClick={onDiscard}>
            删除草稿
          </Button>
        ) : can('cancel') ? (
          <Button type='danger' fill='outline' disabled={busy} onClick={onCancel}>
            撤榜
          </Button>
        ) : null}
        {closable ? (
          <Button type='primary' onClick={go(`/packages/challenge/close/index?id=${detail.id}`)}>
            结榜
          </Button>
        ) : null}
      </View>
    </View>
  );
}
