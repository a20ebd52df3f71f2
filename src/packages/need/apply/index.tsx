import { both } from '@core/errors';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EnterpriseView } from '@core/views/need';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { needService } from '@/services/need';
import { teamService } from '@/services/team';
import { EnterpriseItem } from '../components/EnterpriseItem';
import { NEED_PAGES } from '../components/links';
import { ApplyForm } from './ApplyForm';
import './index.scss';

/** 企业认证: how an enterprise contact is bound, the application form, and the user's enterprises. */
export default function ApplyEnterprisePage() {
  // Both reads go together: one round trip.
  const data = useRemote(() => both(needService.myEnterprises(), teamService.orgOptions()));
  const [enterprises, orgs] = data.data ?? [null, null];
  const waiting = enterprises?.find((enterprise) => enterprise.status === 'pending');
  const hasActive = enterprises?.some((enterprise) => enterprise.status === 'active') ?? false;

  const onApplied = (enterprise: EnterpriseView) => {
    if (data.data) data.setData([[enterprise, ...data.data[0].filter((item) => item.id !== enterprise.id)], data.data[1]]);
  };

  return (
    <View className='kc-page'>
      <View className='kc-wide'>
        <View className='kc-card kc-muted kc-apply__ways'>
          <View>企业联系人以企业名义发布技术需求，团组织接单后全程回复。成为企业联系人有两种方式：</View>
          <View className='kc-apply__way'>
            <Text className='kc-apply__way-name'>1. 团组织给的邀请码：</Text>
            <Text>向企业所在地的团组织索取企业联系人邀请码，输入后立即生效。</Text>
            <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: NEED_PAGES.redeem })}>
              我有邀请码
            </Text>
          </View>
          <View className='kc-apply__way'>
            <Text className='kc-apply__way-name'>2. 申请认证：</Text>
            <Text>填写企业名称并选择团组织，团组织核实你的身份后确认，结果会通知你。</Text>
          </View>
        </View>
        <PageState loading={data.loading && !data.data} error={data.error} onRetry={data.reload}>
          {enterprises && orgs ? (
            <>
              {enterprises.length ? (
                <>
                  <View className='kc-section-title'>我的企业</View>
                  <View className='kc-card'>
                    {enterprises.map((enterprise) => (
                      <EnterpriseItem key={enterprise.id} enterprise={enterprise} />
                    ))}
                  </View>
                </>
              ) : null}
              {hasActive ? (
                <View className='kc-banner kc-banner--success kc-row'>
                  <Text>你已是企业联系人，可以发布技术需求。</Text>
                  <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: NEED_PAGES.mine })}>
                    我的需求
                  </Text>
                </View>
              ) : null}
              {waiting ? (
                <View className='kc-card kc-muted'>
                  「{waiting.name}」的认证申请正在等待{waiting.leagueOrgName}确认，确认结果会通知你。
                </View>
              ) : (
                <ApplyForm leagueOrgs={orgs.league} onApplied={onApplied} />
              )}
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
