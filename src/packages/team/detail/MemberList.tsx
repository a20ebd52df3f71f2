import { Text, View } from '@tarojs/components';
import { Avatar, Button, Tag } from '@nutui/nutui-react-taro';
import { formatDate } from '@core/time';
import type { MemberView } from '@core/views';
import { ReportButton } from '@/components/ReportButton';

export type MemberListProps = {
  members: MemberView[];
  /** Who is looking; null while unknown. Everyone else's row offers to report their profile. */
  viewerId: string | null;
  canManage: boolean;
  onRemove: (member: MemberView) => void;
  onMakeLeader: (member: MemberView) => void;
};

export function MemberList({ members, viewerId, canManage, onRemove, onMakeLeader }: MemberListProps) {
  return (
    <View className='kc-card kc-members'>
      {members.map((member) => (
        <View key={member.userId} className='kc-member'>
          <Avatar size='normal' src={member.avatarUrl} background='#f3d4d5' color='#c8161d'>
            {member.name.slice(0, 1)}
          </Avatar>
          <View className='kc-member__info'>
            <View className='kc-member__title'>
              <Text className='kc-member__name'>{member.name}</Text>
              {member.role === 'leader' ? (
                <Tag background='#fdecec' color='#c8161d'>
                  队长
                </Tag>
              ) : null}
              <ReportButton targetKind='user' targetId={member.userId} hidden={!viewerId || viewerId === member.userId} />
            </View>
            <Text className='kc-muted'>
              {member.homeUnit}
              {member.homePartyOrgName ? ` · ${member.homePartyOrgName}` : ''}
            </Text>
            <Text className='kc-muted'>
              {member.phone ? `${member.phone} · ` : ''}
              {formatDate(member.joinedAt)}加入
            </Text>
          </View>
          {canManage && member.role !== 'leader' ? (
            <View className='kc-member__actions'>
              <Button size='mini' fill='outline' onClick={() => onMakeLeader(member)}>
                设为队长
              </Button>
              <Button size='mini' fill='none' type='danger' onClick={() => onRemove(member)}>
                移出
              </Button>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
