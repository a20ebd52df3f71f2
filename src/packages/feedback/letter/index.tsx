import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { formatDate, formatDateTime, formatDayRange } from '@core/time';
import { LetterItems } from '@/components/LetterItems';
import { PageState } from '@/components/PageState';
import { ReasonDialog } from '@/components/ReasonDialog';
import { LetterStatusTag } from '@/components/StatusTag';
import { useAction } from '@/hooks/useAction';
import { useRemote } from '@/hooks/useRemote';
import { feedbackService } from '@/services/feedback';
import { LetterTransfers } from './LetterTransfers';
import './index.scss';

/** A letter as its party organization reads it (and prints it from H5), with 签收. */
export default function LetterPage() {
  const { id = '' } = useRouter().params;
  const letter = useRemote(() => feedbackService.letter(id), [id]);
  const { busy, run } = useAction();
  const [acking, setAcking] = useState(false);
  const data = letter.data;

  return (
    <View className='kc-page kc-letter'>
      <PageState loading={letter.loading && !data} error={letter.error} onRetry={letter.reload}>
        {data ? (
          <>
            <View className='kc-card kc-letter__paper'>
              <Text className='kc-letter__heading'>关于「{data.teamName}」的反馈函</Text>
              <View className='kc-row kc-letter__meta'>
                <Text className='kc-muted'>查验码 {data.refCode}</Text>
                <View>
                  <LetterStatusTag status={data.status} flagged={data.flagged} />
                </View>
              </View>
              <Text className='kc-letter__to'>{data.partyOrgName}：</Text>
              <Text className='kc-letter__body'>
                {formatDayRange(data.period.from, data.period.to)}，「{data.teamName}
                」经确认的情况如下。每一项注明它如何确立：由谁（所在组织）确认或审核补签，或由系统在现场签到时核验。可凭查验码核对。
              </Text>
              <LetterItems items={data.items} />
              {data.transfers.length ? (
                <>
                  <Text className='kc-letter__section'>成果转化（已确认）</Text>
                  <Text className='kc-muted kc-letter__section-note'>该时段内由企业方确认的技术合同；待确认或有异议的不列入。</Text>
                  <LetterTransfers transfers={data.transfers} />
                </>
              ) : null}
              {data.note ? <Text className='kc-letter__body'>{data.note}</Text> : null}
              <Text className='kc-letter__sign'>{data.orgName}</Text>
              <Text className='kc-letter__sign'>
                {data.issuedByName} · {formatDate(data.issuedAt ?? 0)}
              </Text>
            </View>
            {data.ack ? (
              <View className='kc-card'>
                <Text>
                  {data.ack.byName} 于 {formatDateTime(data.ack.at)} 签收
                </Text>
                {data.ack.reply ? <Text className='kc-muted kc-letter__reply'>回复：{data.ack.reply}</Text> : null}
              </View>
            ) : data.openedAt ? (
              <View className='kc-muted kc-letter__note'>联系人已于 {formatDateTime(data.openedAt)} 查看</View>
            ) : null}
            <View className='kc-actions kc-letter__actions'>
              {data.viewer.canAcknowledge ? (
                <Button type='primary' loading={busy} onClick={() => setAcking(true)}>
                  签收
                </Button>
              ) : null}
              {process.env.TARO_ENV === 'h5' ? (
                <Button fill='outline' onClick={() => window.print()}>
                  打印
                </Button>
              ) : null}
              <Button fill='outline' onClick={() => void Taro.navigateTo({ url: `/packages/feedback/verify/index?code=${data.refCode}` })}>
                查验
              </Button>
            </View>
          </>
        ) : null}
      </PageState>
      <ReasonDialog
        visible={acking}
        title='签收反馈函'
        hint='可以留一句回复（选填），团组织会看到。'
        confirmText='确认签收'
        minLength={0}
        placeholder='选填：给团组织的回复'
        onConfirm={(reply) => {
          setAcking(false);
          void run(() => feedbackService.acknowledge(id, reply), '已签收', letter.setData);
        }}
        onCancel={() => setAcking(false)}
      />
    </View>
  );
}
