import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LedgerTeam } from '@core/views';
import { ToneTag } from '@/components/ToneTag';
import { lastContactText, teamContactsUrl } from '../links';

export type TeamRowProps = { team: LedgerTeam; orgId: string; cycle: string; onDrop?: (team: LedgerTeam) => void };

/** One chosen team: when it was last contacted, its records and the opinions still waiting; tap for its records. */
export function TeamRow({ team, orgId, cycle, onDrop }: TeamRowProps) {
  const open = () => void Taro.navigateTo({ url: teamContactsUrl(team.teamId, orgId, cycle) });
  return (
    <View className='kc-contact-team'>
      <View className='kc-contact-team__main' onClick={open}>
        <Text className='kc-contact-team__name'>{team.teamName}</Text>
        <Text className='kc-muted'>{team.leagueOrgName}</Text>
        <View className='kc-contact-team__facts'>
          <Text className={team.stale ? 'kc-contact-team__stale' : 'kc-muted'}>{lastContactText(team.lastContactDay)}</Text>
          <Text className='kc-muted'>联系记录 {team.records} 次</Text>
          {team.openOpinions ? <ToneTag tone='warning'>待办意见 {team.openOpinions}</ToneTag> : null}
        </View>
      </View>
      {onDrop ? (
        <Text className='kc-link kc-link--danger' onClick={() => onDrop(team)}>
          移出
        </Text>
      ) : null}
    </View>
  );
}
