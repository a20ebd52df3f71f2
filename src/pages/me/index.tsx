import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Avatar, Badge, Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { PageState } from '@/components/PageState';
import { TeamCard } from '@/components/TeamCard';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useInboxStore } from '@/stores/useInboxStore';
import { useTeamStore } from '@/stores/useTeamStore';
import { isOrganizer, useUserStore } from '@/stores/useUserStore';
import './index.scss';

const ROLE_NAMES = { organizer: '团组织管理员', partyContact: '党组织联系人' } as const;
const go = (url: string) => () => Taro.navigateTo({ url });

export default function MePage() {
  useUnreadBadge();
  const { me, loading, error, load } = useUserStore();
  const { mine, mineLoading, mineError, loadMine } = useTeamStore();
  const unread = useInboxStore((state) => state.unread);
  const refreshAll = () => Promise.all([load(), loadMine()]);

  useDidShow(() => {
    void refreshAll();
  });
  usePullDownRefresh(() => {
    void refreshAll().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='kc-page kc-me'>
      <PageState loading={loading} error={error} onRetry={refreshAll}>
        {me ? (
          <View className='kc-card kc-me__profile'>
            <Avatar size='large' src={me.avatarUrl} background='#f3d4d5' color='#c8161d'>
              {(me.realName || me.nickname || '新').slice(0, 1)}
            </Avatar>
            <View className='kc-me__who'>
              <Text className='kc-me__name'>{me.realName || me.nickname || '未设置姓名'}</Text>
              <Text className='kc-muted'>{me.unitName || '未填写单位'}</Text>
              <View className='kc-me__roles'>
                {me.roles.map((role) => (
                  <Tag key={`${role.role}-${role.scopeId}`} background='#fdecec' color='#c8161d'>
                    {ROLE_NAMES[role.role]} · {role.scopeName}
                  </Tag>
                ))}
              </View>
            </View>
            <Button size='small' fill='outline' onClick={go('/packages/user/profile/index')}>
              编辑资料
            </Button>
          </View>
        ) : null}
        {me && !me.profileComplete ? (
          <View className='kc-card kc-me__notice' onClick={go('/packages/user/profile/index')}>
            请先完善真实姓名和所在单位，才能组建或加入突击队 ›
          </View>
        ) : null}
      </PageState>

      <View className='kc-card kc-me__cells'>
        <Cell
          title='消息'
          extra={unread > 0 ? <Badge value={unread} max={99} /> : <Text className='kc-muted'>无未读</Text>}
          clickable
          onClick={go('/packages/user/inbox/index')}
        />
        <Cell title='通知' description='团组织发来的通知与需确认事项' clickable onClick={go('/packages/notice/list/index')} extra='›' />
        {me?.roles.some((role) => role.role === 'partyContact') ? (
          <Cell
            title='反馈函'
            description='发给本党组织的反馈函，查看并签收'
            clickable
            onClick={go('/packages/feedback/letters/index')}
            extra='›'
          />
        ) : null}
        <Cell title='出题单位评审' description='凭评审码参与评榜' clickable onClick={go('/packages/challenge/bind/index')} extra='›' />
        <Cell
          title='待我确认的成果'
          description='团组织管理员与榜单评审人'
          clickable
          onClick={go('/packages/achievement/review/index')}
          extra='›'
        />
      </View>

      {isOrganizer(me) ? (
        <>
          <View className='kc-section-title'>团组织管理</View>
          <View className='kc-card kc-me__cells'>
            <Cell title='待审核的组建申请' clickable onClick={go('/packages/admin/review/index')} extra='›' />
            <Cell title='所辖突击队' clickable onClick={go('/packages/admin/teams/index')} extra='›' />
            <Cell title='发布榜单' clickable onClick={go('/packages/challenge/edit/index')} extra='›' />
            <Cell title='发布通知' clickable onClick={go('/packages/notice/edit/index')} extra='›' />
            <Cell
              title='反馈函管理'
              description='写反馈函、季度草稿、签收情况'
              clickable
              onClick={go('/packages/feedback/letters/index?scope=manage')}
              extra='›'
            />
          </View>
        </>
      ) : null}

      <View className='kc-row kc-section-title'>
        <Text>我的突击队</Text>
      </View>
      <PageState
        loading={mineLoading && !mine}
        error={mineError}
        onRetry={loadMine}
        empty={mine?.length === 0}
        emptyTitle='还没有加入突击队'
        emptyDescription='可以申请组建一支突击队，或向队长要邀请码加入。'
      >
        {mine?.map((team) => (
          <TeamCard key={team.id} team={team} />
        ))}
      </PageState>
      <View className='kc-actions'>
        <Button type='primary' onClick={go('/packages/team/apply/index')}>
          申请组建
        </Button>
        <Button fill='outline' type='primary' onClick={go('/packages/team/join/index')}>
          凭邀请码加入
        </Button>
      </View>
    </View>
  );
}
