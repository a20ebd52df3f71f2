import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Checkbox, Input, Switch, TextArea } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { NOTICE_AUDIENCES, NOTICE_AUDIENCE_LABELS, type NoticeAudience } from '@core/notice-rules';
import { publishNoticeInput } from '@core/schemas/notice';
import { DraftBanner } from '@/components/DraftBanner';
import { FormRow, SelectField } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { confirmStep, toastFailure } from '@/hooks/feedback';
import { useFormErrors } from '@/hooks/useFormErrors';
import { useRemote } from '@/hooks/useRemote';
import { useStoredDraft } from '@/hooks/useStoredDraft';
import { noticeService } from '@/services/notice';
import { teamService } from '@/services/team';
import { organizedOrgs, useMe } from '@/stores/useUserStore';

type NoticeDraft = { title: string; body: string; audience: NoticeAudience; teamIds: string[]; requireAck: boolean };

const AUDIENCE_OPTIONS = NOTICE_AUDIENCES.map((audience) => ({ id: audience, name: NOTICE_AUDIENCE_LABELS[audience] }));

export default function NoticeEditPage() {
  const hosts = organizedOrgs(useMe());
  const teams = useRemote(() => teamService.orgTeams('registered'));
  const [leagueOrgId, setLeagueOrgId] = useState('');
  const draft = useStoredDraft<NoticeDraft>('notice.new', { title: '', body: '', audience: 'allTeams', teamIds: [], requireAck: false });
  const { title, body, audience, teamIds, requireAck } = draft.value;
  const set = (changes: Partial<NoticeDraft>) => draft.update({ ...draft.value, ...changes });
  const [sending, setSending] = useState(false);
  const { errors, check } = useFormErrors();

  useEffect(() => {
    if (!leagueOrgId && hosts.length) setLeagueOrgId(hosts[0].id);
  }, [hosts, leagueOrgId]);

  const publish = async () => {
    if (sending) return;
    const checked = check(publishNoticeInput, { leagueOrgId, title, body, audience, teamIds, requireAck, requestId: draft.requestId });
    if (!checked) return;
    if (!(await confirmStep('发布通知', `发布后将立即发给${NOTICE_AUDIENCE_LABELS[audience]}，不能撤回。确定发布？`, '发布'))) return;
    setSending(true);
    const result = await noticeService.publish(checked);
    setSending(false);
    if (!result.ok) return toastFailure(result);
    draft.clear();
    await Taro.showToast({ title: '已发布', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/notice/stats/index?id=${result.data.id}` });
  };

  return (
    <View className='kc-page'>
      <PageState loading={teams.loading && !teams.data} error={teams.error} onRetry={teams.reload}>
        {draft.restored ? <DraftBanner onDiscard={draft.discard} /> : null}
        <View className='kc-card'>
          {hosts.length > 1 ? (
            <FormRow label='发布团组织' required>
              <SelectField options={hosts} value={leagueOrgId} placeholder='请选择' onPick={setLeagueOrgId} />
            </FormRow>
          ) : null}
          <FormRow label='标题' required error={errors.title}>
            <Input value={title} onChange={(next) => set({ title: next })} placeholder='如：关于报送季度进展的通知' />
          </FormRow>
          <FormRow label='内容' required block error={errors.body}>
            <TextArea
              value={body}
              onChange={(next) => set({ body: next })}
              placeholder='写清要做什么、何时之前、找谁联系'
              maxLength={2000}
              showCount
              rows={6}
            />
          </FormRow>
          <FormRow label='发送对象' required error={errors.teamIds}>
            <SelectField options={AUDIENCE_OPTIONS} value={audience} placeholder='请选择' onPick={(picked) => set({ audience: picked })} />
          </FormRow>
          <FormRow label='需确认'>
            <View className='kc-row'>
              <Switch ariaLabel='需确认' checked={requireAck} onChange={(next) => set({ requireAck: next })} />
              <Text className='kc-muted'>收到的人需点「已知悉」</Text>
            </View>
          </FormRow>
        </View>
        {audience === 'teams' ? (
          <View className='kc-card'>
            {(teams.data ?? []).map((team) => (
              <Checkbox
                key={team.id}
                checked={teamIds.includes(team.id)}
                onChange={(on) => set({ teamIds: on ? [...teamIds, team.id] : teamIds.filter((id) => id !== team.id) })}
                label={`${team.name}（${team.leagueOrgName}）`}
              />
            ))}
          </View>
        ) : null}
        <Button type='primary' block loading={sending} onClick={publish}>
          发布通知
        </Button>
      </PageState>
    </View>
  );
}
