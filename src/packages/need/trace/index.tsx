import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatYuan } from '@core/money';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { needService } from '@/services/need';
import { NeedStatusTag } from '../components/NeedStatusTag';
import { needDetailUrl } from '../components/links';
import { TraceItem } from './TraceItem';
import './index.scss';

/** 需求全程: one line from the enterprise's need to its challenge, claims, gates, achievements and transfers. */
export default function NeedTracePage() {
  const needId = useRouter().params.id ?? '';
  const remote = useRemote(() => needService.trace(needId), [needId]);
  const trace = remote.data;
  return (
    <View className='kc-page'>
      <View className='kc-need-trace kc-wide'>
        <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
          {trace ? (
            <>
              <View className='kc-card'>
                <View className='kc-row'>
                  <Text className='kc-need-trace__need' onClick={() => void Taro.navigateTo({ url: needDetailUrl(trace.need.id) })}>
                    {trace.need.title}
                  </Text>
                  <View>
                    <NeedStatusTag status={trace.need.status} />
                  </View>
                </View>
                <Text className='kc-muted'>{trace.need.enterpriseName}</Text>
                <View className='kc-need-trace__amount'>
                  <Text className='kc-muted'>已确认合同金额</Text>
                  <Text className='kc-need-trace__amount-value'>{formatYuan(trace.confirmedAmount)}</Text>
                </View>
                <Text className='kc-muted'>只计入企业方已确认的成果转化合同。</Text>
              </View>
              <View className='kc-section-title'>全程（{trace.entries.length}）</View>
              {trace.entries.length ? (
                <View className='kc-need-trace__line'>
                  {trace.entries.map((entry, index) => (
                    <TraceItem key={`${entry.at}-${index}`} entry={entry} />
                  ))}
                </View>
              ) : (
                <View className='kc-card kc-muted'>还没有记录。</View>
              )}
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
