import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { refreshTeamInput } from '@core/schemas/team';
import { formatDate } from '@core/time';
import { PageState } from '@/components/PageState';
import { TeamForm, type TeamFormValue } from '@/components/TeamForm';
import { toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { teamService } from '@/services/team';
import { useTeamStore } from '@/stores/useTeamStore';
import { useFormErrors } from '@/hooks/useFormErrors';

const EDITABLE = ['name', 'field', 'intro', 'unitName', 'partyOrgId', 'crossUnit'] as const;

export default function RefreshTeamPage() {
  const { errors, check } = useFormErrors();
  const teamId = useRouter().params.id ?? '';
  const putDetail = useTeamStore((state) => state.putDetail);
  const orgs = useRemote(() => teamService.orgOptions());
  const team = useRemote(() => teamService.detail(teamId), [teamId]);
  const [value, setValue] = useState<TeamFormValue | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const detail = team.data;
    if (detail && !value) {
      const { name, field, intro, unitName, leagueOrgId, partyOrgId, crossUnit } = detail;
      setValue({ name, field, intro, unitName, leagueOrgId, partyOrgId, crossUnit });
    }
  }, [team.data, value]);

  const detail = team.data;
  const unchanged = Boolean(detail && value && EDITABLE.every((key) => value[key] === detail[key]));

  const save = async () => {
    if (!value || saving) return;
    const { leagueOrgId: _fixed, ...details } = value;
    const checked = check(refreshTeamInput, { teamId, ...details });
    if (!checked) return;
    setSaving(true);
    const result = await teamService.refresh(checked);
    setSaving(false);
    if (!result.ok) return toastFailure(result);
    putDetail(result.data);
    await Taro.showToast({ title: '备案信息已更新', icon: 'success' });
    void Taro.navigateBack();
  };

  return (
    <View className='kc-page'>
      <PageState
        loading={team.loading || orgs.loading}
        error={team.error ?? orgs.error}
        onRetry={() => Promise.all([team.reload(), orgs.reload()])}
      >
        {team.data ? (
          <View className='kc-card kc-muted'>
            备案信息需每 90 天确认一次。上次确认：{team.data.refreshedAt ? formatDate(team.data.refreshedAt) : '—'}
            。信息无变化时直接点「确认无变化」即可。
          </View>
        ) : null}
        {value && orgs.data ? (
          <TeamForm value={value} orgs={orgs.data} leagueOrgEditable={false} errors={errors} onChange={setValue} />
        ) : null}
      </PageState>
      <Button type='primary' block loading={saving} disabled={!value} onClick={save}>
        {unchanged ? '确认无变化' : '保存并更新备案'}
      </Button>
    </View>
  );
}
