import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { CycleSummary, Ledger, LedgerTeam } from '@core/views';
import { formatDayRange } from '@core/time';
import { Notice, PageState } from '@/components/PageState';
import { OrgScoped } from '@/components/OrgScoped';
import { ReasonDialog } from '@/components/ReasonDialog';
import { confirmStep, toastDone, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { contactService } from '@/services/contact';
import { organizedOrgs, useMe } from '@/stores/useUserStore';
import { cycleLabel } from '../links';
import { ChooseTeams } from './ChooseTeams';
import { StartCycleForm } from './StartCycleForm';
import { SummaryCard } from './SummaryCard';
import { TeamRow } from './TeamRow';
import '../shared.scss';
import './index.scss';
import { ExportButton } from '@/components/ExportButton';

/** 直接联系: the org given in the link, or the first the user organizes (with a switch between them). */
export default function LedgerPage() {
  const params = useRouter().params;
  return (
    <OrgScoped
      scopes={organizedOrgs(useMe())}
      fixed={params.orgId}
      className='kc-contact'
      refusal={<Notice tone='empty' title='只有团组织管理员可以使用直接联系台账' />}
    >
      {(orgId) => (
        <>
          <OrgLedger key={orgId} orgId={orgId} initialCycle={params.cycle} />
          <ExportButton orgId={orgId} table='ledger' label='导出直接联系台账' block />
        </>
      )}
    </OrgScoped>
  );
}

type Loaded = { ledger: Ledger; summary: CycleSummary | null };
type Panel = 'start' | 'choose' | null;

function OrgLedger({ orgId, initialCycle }: { orgId: string; initialCycle?: string }) {
  const [cycle, setCycle] = useState(initialCycle || undefined);
  const data = useRemote(async () => {
    const ledger = await contactService.ledger({ orgId, ...(cycle ? { cycle } : {}) });
    if (!ledger.ok) return ledger;
    if (!ledger.data.cycle) return { ok: true as const, data: { ledger: ledger.data, summary: null } };
    const summary = await contactService.cycleSummary({ orgId, cycle: ledger.data.cycle.key });
    return { ok: true as const, data: { ledger: ledger.data, summary: summary.ok ? summary.data : null } };
  }, [orgId, cycle]);
  const [panel, setPanel] = useState<Panel>(null);
  const [dropping, setDropping] = useState<LedgerTeam | null>(null);

  const loaded: Loaded | null = data.data;
  const ledger = loaded?.ledger;
  /** A change answers the new ledger; the summary's counts are read again in the background. */
  const onLedger = (next: Ledger) => {
    setPanel(null);
    data.setData({ ledger: next, summary: loaded?.summary ?? null });
    if (next.cycle && next.cycle.key !== cycle) setCycle(next.cycle.key);
    else void data.reload();
  };

  const drop = async (reason: string) => {
    const team = dropping;
    setDropping(null);
    if (!team || !ledger?.cycle) return;
    const asked = `「${team.teamName}」将移出本周期的直接联系名单，原因会记录在案；已有的联系记录保留。`;
    if (!(await confirmStep('移出名单', asked, '移出'))) return;
    const result = await contactService.dropTeam({ orgId, cycle: ledger.cycle.key, teamId: team.teamId, reason });
    if (!result.ok) return toastFailure(result);
    toastDone('已移出');
    onLedger(result.data);
  };

  return (
    <PageState loading={data.loading && !loaded} error={data.error} onRetry={data.reload}>
      {ledger ? (
        <View>
          <View className='kc-card'>
            <View className='kc-row'>
              <Text className='kc-contact__org'>{ledger.orgName}</Text>
              {panel === 'start' || !ledger.cycle ? null : (
                <Button size='small' fill='outline' onClick={() => setPanel('start')}>
                  开始新周期
                </Button>
              )}
            </View>
            {ledger.cycle ? (
              <Text className='kc-muted'>
                {cycleLabel(ledger.cycle.key, ledger.cycle.endDay)}：{formatDayRange(ledger.cycle.startDay, ledger.cycle.endDay)}
              </Text>
            ) : null}
            {ledger.cycles.length > 1 ? (
              <View className='kc-filters kc-contact__cycles'>
                {ledger.cycles.map((key) => (
                  <Text
                    key={key}
                    className={key === ledger.cycle?.key ? 'kc-filter kc-filter--on' : 'kc-filter'}
                    onClick={() => setCycle(key)}
                  >
                    {key} 周期
                  </Text>
                ))}
              </View>
            ) : null}
            {panel === 'start' ? <StartCycleForm ledger={ledger} onDone={onLedger} onCancel={() => setPanel(null)} /> : null}
          </View>
          {ledger.cycle ? (
            <CycleBody
              ledger={ledger}
              summary={loaded?.summary ?? null}
              choosing={panel === 'choose'}
              onChoose={() => setPanel('choose')}
              onCancel={() => setPanel(null)}
              onLedger={onLedger}
              onDrop={setDropping}
            />
          ) : panel === 'start' ? null : (
            <Notice tone='empty' title='还没有直接联系周期' description='开始一个周期（默认两年），再选择本组织直接联系的队伍。'>
              <Button type='primary' size='small' onClick={() => setPanel('start')}>
                开始新周期
              </Button>
            </Notice>
          )}
        </View>
      ) : null}
      <ReasonDialog
        visible={dropping !== null}
        title='移出名单'
        hint={`写明「${dropping?.teamName ?? ''}」移出本周期直接联系名单的原因，会记录在案。`}
        confirmText='下一步'
        minLength={2}
        onConfirm={(reason) => void drop(reason)}
        onCancel={() => setDropping(null)}
      />
    </PageState>
  );
}

type CycleBodyProps = {
  ledger: Ledger;
  summary: CycleSummary | null;
  choosing: boolean;
  onChoose: () => void;
  onCancel: () => void;
  onLedger: (ledger: Ledger) => void;
  onDrop: (team: LedgerTeam) => void;
};

/** What waits first (the teams due a contact), then the whole list; the summary and choosing beside them on a wide screen. */
function CycleBody({ ledger, summary, choosing, onChoose, onCancel, onLedger, onDrop }: CycleBodyProps) {
  const cycle = ledger.cycle?.key ?? '';
  const stale = ledger.teams.filter((team) => team.stale);
  return (
    <View className='kc-contact__columns'>
      <View className='kc-contact__main'>
        {stale.length ? (
          <View>
            <View className='kc-section-title'>90 天未联系（{stale.length}）</View>
            <View className='kc-card kc-contact__stale'>
              {stale.map((team) => (
                <TeamRow key={team.teamId} team={team} orgId={ledger.orgId} cycle={cycle} />
              ))}
            </View>
          </View>
        ) : ledger.teams.length ? (
          <View className='kc-banner kc-banner--success'>名单中的队伍近 90 天内都联系过。</View>
        ) : null}
        <View className='kc-row kc-contact__heading'>
          <Text className='kc-section-title'>直接联系的队伍（{ledger.teams.length}）</Text>
          {choosing ? null : (
            <Button size='small' type='primary' onClick={onChoose}>
              选择队伍
            </Button>
          )}
        </View>
        {choosing ? <ChooseTeams ledger={ledger} cycle={cycle} onDone={onLedger} onCancel={onCancel} /> : null}
        <View className='kc-card'>
          {ledger.teams.length ? (
            ledger.teams.map((team) => <TeamRow key={team.teamId} team={team} orgId={ledger.orgId} cycle={cycle} onDrop={onDrop} />)
          ) : (
            <View className='kc-muted'>本周期还没有选择队伍。点「选择队伍」从本组织下已登记的队伍中选择。</View>
          )}
        </View>
      </View>
      <View className='kc-contact__side'>{summary ? <SummaryCard summary={summary} /> : null}</View>
    </View>
  );
}
