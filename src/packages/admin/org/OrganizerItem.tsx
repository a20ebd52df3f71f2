import { Text, View } from '@tarojs/components';
import { formatDate } from '@core/time';
import type { OrganizerRow } from '@core/views';
import { ToneTag } from '@/components/ToneTag';

/** How the person became an organizer of this org. */
export function viaLabel(row: OrganizerRow): string {
  if (row.via === 'setup') return '设置码';
  if (row.via === 'invite') return row.invitedByName ? `邀请：由 ${row.invitedByName} 邀请` : '邀请';
  return '数据库设置';
}

export type OrganizerItemProps = { row: OrganizerRow; onRevoke?: (row: OrganizerRow) => void };

/** One organizer: who, from where, how and since when; 撤销 for anyone but oneself. */
export function OrganizerItem({ row, onRevoke }: OrganizerItemProps) {
  return (
    <View className='kc-org-person'>
      <View className='kc-org-person__who'>
        <View>
          <Text className='kc-org-person__name'>{row.name}</Text>
          {row.isSelf ? (
            <ToneTag tone='info' style={{ marginLeft: '6px' }}>
              我
            </ToneTag>
          ) : null}
        </View>
        <Text className='kc-muted'>{row.unitName || '未填写单位'}</Text>
        <Text className='kc-muted'>
          {viaLabel(row)}
          {row.grantedAt ? ` · ${formatDate(row.grantedAt)} 起` : ''}
        </Text>
      </View>
      {!row.isSelf && onRevoke ? (
        <Text className='kc-link kc-link--danger' onClick={() => onRevoke(row)}>
          撤销
        </Text>
      ) : null}
    </View>
  );
}
