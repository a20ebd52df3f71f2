import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Switch } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { OrgNode } from '@core/views';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { adminService } from '@/services/admin';
import { CreateOrgForm } from '../org/CreateOrgForm';
import { OrgRow } from './OrgRow';
import { findOrg, leagueRows, parentOptions, partyRows } from './tree';
import './index.scss';

/** 组织管理: every org the organizer manages, league orgs as a tree, then party orgs. */
export default function OrgsPage() {
  const tree = useRemote(() => adminService.orgTree());
  const [showRetired, setShowRetired] = useState(false);
  const [creating, setCreating] = useState(false);

  const data = tree.data;
  const league = data ? leagueRows(data, showRetired) : [];
  const party = data ? partyRows(data, showRetired) : [];
  const retiredCount = data?.orgs.filter((node) => node.retired).length ?? 0;
  const parents = data ? parentOptions(data) : [];
  const partyNote = (node: OrgNode) => {
    const linked = data ? findOrg(data, node.parentId) : null;
    return linked ? `${node.unitName} · 联系 ${linked.name}` : node.unitName;
  };

  return (
    <View className='kc-page'>
      <PageState
        loading={tree.loading && !data}
        error={tree.error}
        onRetry={tree.reload}
        empty={data?.orgs.length === 0}
        emptyTitle='没有可管理的组织'
        emptyDescription='你所管理的组织被撤销后，这里会是空的。请联系上级组织的管理员。'
      >
        <View className='kc-orgs__toolbar'>
          <Button type='primary' disabled={!parents.length} onClick={() => setCreating(true)}>
            新建下级组织
          </Button>
          <Button type='primary' fill='outline' onClick={() => void Taro.navigateTo({ url: '/packages/admin/import/index' })}>
            从表格导入
          </Button>
        </View>
        {creating && data ? (
          <CreateOrgForm
            parents={parents}
            onDone={(next) => {
              tree.setData(next);
              setCreating(false);
            }}
            onCancel={() => setCreating(false)}
          />
        ) : null}
        {retiredCount ? (
          <View className='kc-orgs__switch'>
            <Text className='kc-muted'>显示已撤销（{retiredCount}）</Text>
            <Switch ariaLabel='显示已撤销的组织' checked={showRetired} onChange={setShowRetired} />
          </View>
        ) : null}
        <View className='kc-section-title'>团组织</View>
        <View className='kc-card kc-orgs__list'>
          {league.length ? (
            league.map((row) => <OrgRow key={row.node.id} node={row.node} depth={row.depth} />)
          ) : (
            <View className='kc-muted'>没有团组织。</View>
          )}
        </View>
        <View className='kc-section-title'>党组织</View>
        <View className='kc-card kc-orgs__list'>
          {party.length ? (
            party.map((node) => <OrgRow key={node.id} node={node} depth={0} note={partyNote(node)} />)
          ) : (
            <View className='kc-muted'>没有党组织。可以在团组织下新建党组织，或从表格导入。</View>
          )}
        </View>
      </PageState>
    </View>
  );
}
