import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { EXPORT_LABELS, EXPORT_TABLES } from '@core/cockpit-rules';
import { ExportButton } from '@/components/ExportButton';
import { FormRow, SelectField } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { useRemote } from '@/hooks/useRemote';
import { adminService } from '@/services/admin';
import { leagueRows } from '../../admin/orgs/tree';
import { EXPORT_HINT, TABLE_CONTENTS } from './tables';
import './index.scss';

/** Full-width spaces: an org's depth under the caller's, readable in the platform's picker. */
const indent = (depth: number) => '　'.repeat(depth);

/** 导出 Excel (`?orgId=`): pick one of the league orgs the caller manages, then one row per table with what it holds. */
export default function ExportsPage() {
  const { orgId: asked = '' } = useRouter().params;
  const tree = useRemote(() => adminService.orgTree());
  const [picked, setPicked] = useState(decodeURIComponent(asked));
  const rows = tree.data ? leagueRows(tree.data, true) : [];
  const known = (id: string) => rows.some((row) => row.node.id === id);
  const orgId = known(picked) ? picked : (tree.data?.scopeIds.find(known) ?? rows[0]?.node.id ?? '');
  const options = rows.map(({ node, depth }) => ({ id: node.id, name: `${indent(depth)}${node.name}${node.retired ? '（已撤销）' : ''}` }));

  return (
    <View className='kc-page'>
      <View className='kc-exports kc-wide'>
        <PageState
          loading={tree.loading}
          error={tree.error}
          onRetry={tree.reload}
          empty={!!tree.data && !rows.length}
          emptyTitle='没有可导出的组织'
          emptyDescription='团组织管理员可以导出所辖组织及下级组织的队伍、榜单、成果、活动出勤、反馈函和直接联系台账。'
        >
          {orgId ? (
            <>
              <View className='kc-card'>
                <FormRow label='导出范围'>
                  <SelectField options={options} value={orgId} placeholder='请选择组织' onPick={setPicked} />
                </FormRow>
                <Text className='kc-muted kc-exports__hint'>{EXPORT_HINT}</Text>
              </View>
              <View className='kc-exports__tables kc-columns'>
                {EXPORT_TABLES.map((table) => (
                  <View key={table} className='kc-card kc-exports__table'>
                    <Text className='kc-exports__title'>{EXPORT_LABELS[table]}</Text>
                    <Text className='kc-muted kc-exports__contents'>{TABLE_CONTENTS[table]}</Text>
                    <ExportButton orgId={orgId} table={table} block />
                  </View>
                ))}
              </View>
            </>
          ) : null}
        </PageState>
      </View>
    </View>
  );
}
