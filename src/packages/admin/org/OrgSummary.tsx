import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ORG_KIND_LABEL } from '@core/admin-rules';
import type { OrgNode, OrgTree } from '@core/views';
import { ToneTag } from '@/components/ToneTag';
import { findOrg } from '../orgs/tree';

function parentText(tree: OrgTree, org: OrgNode): string {
  const parent = findOrg(tree, org.parentId);
  if (parent) return parent.name;
  if (!org.parentId) return org.kind === 'league' ? '无（最上级组织）' : '未联系团组织';
  return '上级组织（不在你的管理范围内）';
}

/** What the org is: name, kind, unit, parent, and the orgs directly under it. */
export function OrgSummary({ tree, org }: { tree: OrgTree; org: OrgNode }) {
  const children = tree.orgs.filter((node) => node.parentId === org.id && !node.retired);
  return (
    <View className='kc-card'>
      <Text className='kc-org__name'>{org.name}</Text>
      <View className='kc-org__tags'>
        <ToneTag tone='info'>{ORG_KIND_LABEL[org.kind]}</ToneTag>
        {org.retired ? <ToneTag tone='muted'>已撤销</ToneTag> : null}
        {org.isScope ? <ToneTag tone='success'>我是本组织管理员</ToneTag> : null}
      </View>
      <View className='kc-org__field'>
        <Text className='kc-muted'>所在单位</Text>
        <Text>{org.unitName}</Text>
      </View>
      <View className='kc-org__field'>
        <Text className='kc-muted'>{org.kind === 'league' ? '上级组织' : '联系的团组织'}</Text>
        <Text>{parentText(tree, org)}</Text>
      </View>
      {children.length ? (
        <View className='kc-org__field'>
          <Text className='kc-muted'>下级组织</Text>
          <View>
            {children.map((child) => (
              <Text
                key={child.id}
                className='kc-org__child'
                onClick={() => void Taro.navigateTo({ url: `/packages/admin/org/index?id=${child.id}` })}
              >
                {child.name} ›
              </Text>
            ))}
          </View>
        </View>
      ) : null}
      {org.retired ? <View className='kc-banner'>该组织已撤销，保留在记录中（历史记录与反馈函仍显示它），不能再修改。</View> : null}
    </View>
  );
}
