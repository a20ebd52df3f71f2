import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { NeedDetail } from '@core/views/need';
import { needTraceUrl } from '../trace/links';

export type NeedActionsProps = {
  detail: NeedDetail;
  busy: boolean;
  onSubmit: () => void;
  onWithdraw: () => void;
  onTake: () => void;
  onRelease: () => void;
};

const go = (url: string) => void Taro.navigateTo({ url });

/** What the reader may do with the need: the enterprise edits, submits, withdraws; a cadre takes, hands back, decides. */
export function NeedActions({ detail, busy, onSubmit, onWithdraw, onTake, onRelease }: NeedActionsProps) {
  const { viewer } = detail;
  const enterprise = viewer.canEdit || viewer.canSubmit || viewer.canWithdraw;
  const cadre = viewer.canTake || viewer.canRelease || viewer.canDecide;
  const traceable = detail.outcome !== null && (viewer.isEnterprise || viewer.isCadre);
  if (!enterprise && !cadre && !traceable) return null;
  return (
    <View className='kc-card'>
      {enterprise ? (
        <View className='kc-need-actions'>
          {viewer.canEdit ? (
            <Button size='small' fill='outline' onClick={() => go(`/packages/need/edit/index?id=${detail.id}`)}>
              修改
            </Button>
          ) : null}
          {viewer.canSubmit ? (
            <Button size='small' type='primary' loading={busy} onClick={onSubmit}>
              提交
            </Button>
          ) : null}
          {viewer.canWithdraw ? (
            <Button size='small' type='danger' fill='outline' disabled={busy} onClick={onWithdraw}>
              撤回
            </Button>
          ) : null}
        </View>
      ) : null}
      {cadre ? (
        <View className='kc-need-actions'>
          {viewer.canTake ? (
            <Button size='small' type='primary' loading={busy} onClick={onTake}>
              接单
            </Button>
          ) : null}
          {viewer.canDecide ? (
            <Button size='small' type='primary' onClick={() => go(`/packages/need/decide/index?id=${detail.id}`)}>
              处理
            </Button>
          ) : null}
          {viewer.canRelease ? (
            <Button size='small' fill='outline' disabled={busy} onClick={onRelease}>
              转交/放弃接单
            </Button>
          ) : null}
        </View>
      ) : null}
      {traceable ? (
        <Text className='kc-link' onClick={() => go(needTraceUrl(detail.id))}>
          查看全程：从需求到榜单、成果与转化
        </Text>
      ) : null}
    </View>
  );
}
