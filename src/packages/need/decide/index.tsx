import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { both } from '@core/errors';
import { Notice, PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { needService } from '@/services/need';
import { NeedStatusTag } from '../components/NeedStatusTag';
import { needDetailUrl } from '../components/links';
import { DecideForm } from './DecideForm';
import './index.scss';

/** 处理需求: the owner of a taken need decides what it becomes, with a reason the enterprise reads. */
export default function DecideNeedPage() {
  const needId = useRouter().params.id ?? '';
  const remote = useRemote(() => both(needService.detail(needId), needService.teamOptions(needId)), [needId]);
  const [need, teams] = remote.data ?? [];

  return (
    <View className='kc-page'>
      <View className='kc-need-decide kc-wide'>
        <PageState loading={remote.loading} error={remote.error} onRetry={remote.reload}>
          {need && teams ? (
            <>
              <View className='kc-card'>
                <View className='kc-row'>
                  <Text className='kc-need-decide__title'>{need.title}</Text>
                  <View>
                    <NeedStatusTag status={need.status} />
                  </View>
                </View>
                <Text className='kc-muted'>
                  {need.enterpriseName} · {need.field}
                </Text>
              </View>
              {need.viewer.canDecide ? (
                <DecideForm need={need} teams={teams} />
              ) : (
                <Notice
                  tone='empty'
                  title='现在不能处理这项需求'
                  description={
                    need.status === 'taken'
                      ? `这项需求由 ${need.ownerName ?? '其他接单干部'} 负责，只有接单人可以处理。`
                      : '只有已接单、尚未处理的需求可以处理；请先接单。'
                  }
                >
                  <Button size='small' onClick={() => void Taro.redirectTo({ url: needDetailUrl(need.id) })}>
                    查看需求
                  </Button>
                </Notice>
              )}
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
