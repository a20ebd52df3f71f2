import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Cell } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { SelectField } from '@/components/FormRow';
import { LogForm } from '@/components/LogForm';
import { PageState } from '@/components/PageState';
import { SyncQueue } from '@/components/SyncQueue';
import { usePageLifecycle } from '@/hooks/usePageLifecycle';
import { useUnreadBadge } from '@/hooks/useUnreadBadge';
import { useProgressQueue } from '@/stores/useProgressQueue';
import { useTeamStore } from '@/stores/useTeamStore';
import { isOrganizer, useMe } from '@/stores/useUserStore';
import './index.scss';

const go = (url: string) => () => Taro.navigateTo({ url });

const MEMBER_EMPTY = {
  emptyTitle: '还没有可记录进展的队伍',
  emptyDescription: '加入或组建一支已备案的突击队后，就可以在这里记录攻关进展。这里不要求每日打卡。',
  emptyAction: (
    <Button type='primary' size='small' onClick={go('/packages/team/join/index')}>
      凭邀请码加入
    </Button>
  ),
};

/** An organizer records nothing here: teams do. Say where their work is instead. */
const ORGANIZER_EMPTY = {
  emptyTitle: '进展由各队成员记录',
  emptyDescription: '各队的进展时间线和本周小结在「所辖突击队」的队伍页查看；培训、评审会的签到在下方「活动签到」组织。',
  emptyAction: (
    <Button type='primary' size='small' onClick={go('/packages/admin/teams/index')}>
      所辖突击队
    </Button>
  ),
};

export default function ProgressPage() {
  useUnreadBadge();
  const { mine, mineLoading, mineError, loadMine } = useTeamStore();
  const organizer = isOrganizer(useMe());
  const queue = useProgressQueue();
  const [teamId, setTeamId] = useState('');
  const teams = (mine ?? []).filter((team) => team.status === 'registered' && (team.myRole === 'leader' || team.myRole === 'member'));

  usePageLifecycle({
    load: () => {
      const teamsLoaded = loadMine();
      queue.load();
      return Promise.all([teamsLoaded, queue.flush()]); // SyncQueue says what went out
    },
  });

  useEffect(() => {
    if (teams.length && !teams.some((team) => team.id === teamId)) setTeamId(teams[0].id);
  }, [teams, teamId]);

  return (
    <View className='kc-page kc-progress'>
      <SyncQueue />
      <PageState
        loading={mineLoading && !mine}
        error={mineError}
        onRetry={loadMine}
        empty={mine !== null && teams.length === 0}
        {...(organizer ? ORGANIZER_EMPTY : MEMBER_EMPTY)}
      >
        {teams.length > 1 ? (
          <View className='kc-card kc-row'>
            <Text className='kc-muted'>记录到</Text>
            <SelectField
              options={teams.map((team) => ({ id: team.id, name: team.name }))}
              value={teamId}
              placeholder='选择队伍'
              onPick={setTeamId}
            />
          </View>
        ) : null}
        {teamId ? <LogForm key={teamId} teamId={teamId} /> : null}
        {teamId ? (
          <View className='kc-card kc-progress__links'>
            <Cell
              title='队伍进展'
              description='全队的进展记录，可按成员和揭榜筛选'
              clickable
              extra='›'
              onClick={go(`/packages/progress/timeline/index?teamId=${teamId}`)}
            />
            <Cell title='本周小结' clickable extra='›' onClick={go(`/packages/progress/weekly/index?teamId=${teamId}`)} />
          </View>
        ) : null}
      </PageState>
      <View className='kc-card kc-progress__links'>
        <Cell
          title='我的记录日历'
          description='只显示记录过的日子，没有连续天数'
          clickable
          extra='›'
          onClick={go('/packages/progress/calendar/index')}
        />
        <Cell
          title='活动签到'
          description='培训、交流、评审会的现场签到与补签'
          clickable
          extra='›'
          onClick={go('/packages/progress/events/index')}
        />
        {organizer ? <Cell title='创建活动' clickable extra='›' onClick={go('/packages/progress/event-edit/index')} /> : null}
      </View>
    </View>
  );
}
