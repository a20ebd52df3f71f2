import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Avatar, Badge, Button, Cell, Tag } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@core/admin-rules';
import { PageState } from '@/components/PageState';
import { TeamCard } from '@/components/TeamCard';
import { usePageLifecycle } from '@/hooks/usePageLifecycle';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useInboxStore } from '@/stores/useInboxStore';
import { useTeamStore } from '@/stores/useTeamStore';
import { useUserStore } from '@/stores/useUserStore';
import { canFormTeam, meSections, type MenuEntry } from './menu';
import './index.scss';

const go = (url: string) => () => Taro.navigateTo({ url });

function MenuCell({ entry }: { entry: MenuEntry }) {
  const waiting = entry.count ?? 0;
  return (
    <Cell
      title={entry.title}
      description={entry.description}
      clickable
      onClick={go(entry.url)}
      extra={waiting > 0 ? <Badge value={waiting} max={99} /> : <Text className='kc-muted'>›</Text>}
    />
  );
}

export default function MePage() {
  useUnreadBadge();
  const { me, loading, error, load, todo, loadTodo } = useUserStore();
  const { mine, mineLoading, mineError, loadMine } = useTeamStore();
  const unread = useInboxStore((state) => state.unread);
  const refreshAll = () => Promise.all([load(), loadMine(), loadTodo()]);

  usePageLifecycle({ load: refreshAll });

  const formsTeams = me ? canFormTeam(me) : false;
  return (
    <View className='kc-page kc-me'>
      <PageState loading={loading && !me} error={error} onRetry={refreshAll}>
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
                    {ROLE_LABELS[role.role]} · {role.scopeName}
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

      {me
        ? meSections(me, todo, unread).map((section) => (
            <View key={section.title}>
              <View className='kc-section-title'>{section.title}</View>
              <View className='kc-card kc-me__cells'>
                {section.entries.map((entry) => (
                  <MenuCell key={entry.url} entry={entry} />
                ))}
              </View>
            </View>
          ))
        : null}

      {formsTeams || mine?.length ? (
        <>
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
        </>
      ) : null}
      <View className='kc-actions'>
        {formsTeams ? (
          <Button type='primary' onClick={go('/packages/team/apply/index')}>
            申请组建
          </Button>
        ) : null}
        <Button fill='outline' type='primary' onClick={go('/packages/team/join/index')}>
          凭邀请码加入
        </Button>
      </View>
    </View>
  );
}
