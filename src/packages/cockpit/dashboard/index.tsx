import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { Notice, PageState, Skeleton } from '@/components/PageState';
import { ScopeTabs } from '@/components/ScopeTabs';
import { useRemote } from '@/hooks/useRemote';
import { cockpitService } from '@/services/cockpit';
import { organizedOrgs, useMe, useUserStore } from '@/stores/useUserStore';
import { asOfLine } from './labels';
import { AchievementsSection } from './sections/AchievementsSection';
import { ChallengesSection } from './sections/ChallengesSection';
import { FeedbackSection } from './sections/FeedbackSection';
import { NeedLineSection } from './sections/NeedLineSection';
import { TeamsSection } from './sections/TeamsSection';
import { TransfersSection } from './sections/TransfersSection';
import { SubOrgTable } from './SubOrgTable';
import './index.scss';

type Scope = { id: string; name: string };

function DashboardBody({ orgId, scopes, onScope }: { orgId: string; scopes: Scope[]; onScope: (id: string) => void }) {
  const dashboard = useRemote(() => cockpitService.dashboard(orgId));
  const data = dashboard.data;
  return (
    <PageState loading={dashboard.loading} error={dashboard.error} onRetry={dashboard.reload}>
      {data ? (
        <>
          <View className='kc-dash__head'>
            {scopes.length > 1 ? (
              <ScopeTabs options={scopes.map((scope) => ({ value: scope.id, label: scope.name }))} value={orgId} onChange={onScope} />
            ) : null}
            <Text className='kc-dash__org'>{data.orgName}</Text>
            <Text className='kc-muted kc-dash__as-of'>{asOfLine(data.asOf)}</Text>
            <Text className='kc-muted kc-dash__as-of'>含本组织及全部下级组织。只统计结果和待办，不按活跃程度给队伍或个人排名。</Text>
            <Text className='kc-link' onClick={() => void Taro.navigateTo({ url: `/packages/cockpit/exports/index?orgId=${data.orgId}` })}>
              导出这些数据（Excel）›
            </Text>
          </View>
          <View className='kc-dash__grid'>
            <TeamsSection figures={data.figures} />
            <ChallengesSection figures={data.figures} />
            <AchievementsSection figures={data.figures} />
            <FeedbackSection figures={data.figures} />
            <NeedLineSection figures={data.figures} />
            <TransfersSection figures={data.figures} />
          </View>
          <Text className='kc-section-title kc-dash__block-title'>下级组织</Text>
          {data.subOrgs.length ? (
            <>
              <Text className='kc-muted kc-dash__note'>按组织树的顺序列出，每行含该组织及其下级。点组织名称查看它的看板。</Text>
              <SubOrgTable subOrgs={data.subOrgs} />
            </>
          ) : (
            <View className='kc-card'>
              <Text className='kc-muted'>{data.orgName}没有下级团组织。</Text>
            </View>
          )}
        </>
      ) : null}
    </PageState>
  );
}

/** 数据看板 (`?orgId=`, else the caller's first org): an org's figures and its sub-orgs', from hourly rollups. */
export default function DashboardPage() {
  const { orgId: asked } = useRouter().params;
  const me = useMe();
  const meError = useUserStore((state) => state.error);
  const reloadMe = useUserStore((state) => state.load);
  const scopes = organizedOrgs(me);
  // A link names the org; otherwise the caller's own orgs, switchable when there are several.
  const [chosen, setChosen] = useState<string | null>(null);
  const orgId = asked ?? chosen ?? scopes[0]?.id ?? null;
  const body = () => {
    // Keyed by org: another org's figures start from their own loading state, never from the last org's.
    if (orgId) return <DashboardBody key={orgId} orgId={orgId} scopes={asked ? [] : scopes} onScope={setChosen} />;
    if (me)
      return (
        <Notice
          tone='empty'
          title='没有可查看的看板'
          description='数据看板给团组织管理员使用。成为团组织管理员后，这里显示你所管理的组织的统计。'
        />
      );
    if (meError) return <PageState loading={false} error={meError} onRetry={() => void reloadMe()} />;
    return <Skeleton />;
  };
  return (
    <View className='kc-page'>
      <View className='kc-dash kc-wide'>{body()}</View>
    </View>
  );
}
