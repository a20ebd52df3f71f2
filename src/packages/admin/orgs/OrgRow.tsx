import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { OrgNode } from '@core/views';
import { ToneTag } from '@/components/ToneTag';

/** Indentation stops deepening after a few levels, so a deep tree still fits a 320 px screen. */
const MAX_INDENT = 4;

export type OrgRowProps = { node: OrgNode; depth: number; note?: string };

/** One org in the tree: tap to open it. */
export function OrgRow({ node, depth, note }: OrgRowProps) {
  const open = () => void Taro.navigateTo({ url: `/packages/admin/org/index?id=${node.id}` });
  return (
    <View
      className={node.retired ? 'kc-orgs__row kc-orgs__row--retired' : 'kc-orgs__row'}
      style={{ paddingLeft: `${Math.min(depth, MAX_INDENT) * 16}px` }}
      onClick={open}
    >
      <View className='kc-orgs__main'>
        <View className='kc-orgs__line'>
          {depth > 0 ? (
            <Text className='kc-orgs__branch' aria-hidden>
              └
            </Text>
          ) : null}
          <Text className='kc-orgs__name'>{node.name}</Text>
          {node.retired ? <ToneTag tone='muted'>已撤销</ToneTag> : null}
        </View>
        <Text className='kc-muted kc-orgs__unit'>{note ?? node.unitName}</Text>
      </View>
      <Text className='kc-muted' aria-hidden>
        ›
      </Text>
    </View>
  );
}
