import { Text, View } from '@tarojs/components';
import { Button, Checkbox } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { Ledger } from '@core/views';
import { toastDone, toastFailure } from '@/hooks/feedback';
import { contactService } from '@/services/contact';

export type ChooseTeamsProps = { ledger: Ledger; cycle: string; onDone: (ledger: Ledger) => void; onCancel: () => void };

/** 选择队伍: registered teams under the org not yet on this cycle's list, several at once. */
export function ChooseTeams({ ledger, cycle, onDone, onCancel }: ChooseTeamsProps) {
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const toggle = (teamId: string, on: boolean) => setPicked((now) => (on ? [...now, teamId] : now.filter((id) => id !== teamId)));

  const choose = async () => {
    if (busy || !picked.length) return;
    setBusy(true);
    const result = await contactService.chooseTeams({ orgId: ledger.orgId, cycle, teamIds: picked });
    setBusy(false);
    if (!result.ok) return toastFailure(result);
    toastDone(`已加入 ${picked.length} 支队伍`);
    onDone(result.data);
  };

  return (
    <View className='kc-card'>
      <Text className='kc-contact__card-title'>选择直接联系的队伍</Text>
      {ledger.candidates.length ? (
        <View className='kc-contact-choose'>
          {ledger.candidates.map((team) => (
            <Checkbox
              key={team.teamId}
              checked={picked.includes(team.teamId)}
              onChange={(on) => toggle(team.teamId, on)}
              label={`${team.teamName}（${team.leagueOrgName}）`}
            />
          ))}
        </View>
      ) : (
        <View className='kc-muted'>本组织下已登记的队伍都已在名单中。</View>
      )}
      {ledger.candidatesCapped ? <View className='kc-banner'>队伍较多，这里只列出前 1000 支已登记的队伍。</View> : null}
      <View className='kc-actions'>
        <Button fill='outline' onClick={onCancel}>
          取消
        </Button>
        <Button type='primary' disabled={!picked.length} loading={busy} onClick={choose}>
          {picked.length ? `加入名单（${picked.length}）` : '加入名单'}
        </Button>
      </View>
    </View>
  );
}
