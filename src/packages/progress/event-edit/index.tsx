import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button, Checkbox, Input } from '@nutui/nutui-react-taro';
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_RADIUS_M, EVENT_MODES, EVENT_MODE_LABELS, usesLocation, type EventMode } from '@core/progress-rules';
import { createEventInput } from '@core/schemas/progress';
import { shanghaiDay } from '@core/time';
import { DateField, FormRow, SelectField } from '@/components/FormRow';
import { PageState } from '@/components/PageState';
import { toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { currentFix } from '@/services/location';
import { newRequestId } from '@/services/request-id';
import { progressService } from '@/services/progress';
import { teamService } from '@/services/team';
import { organizedOrgs, useMe } from '@/stores/useUserStore';
import './index.scss';
import { useFormErrors } from '@/hooks/useFormErrors';

function TimeField({ value, onPick }: { value: string; onPick: (time: string) => void }) {
  return (
    <Picker mode='time' value={value} onChange={(e) => onPick(String(e.detail.value))}>
      <View className='kc-select'>{value}</View>
    </Picker>
  );
}

const MODE_OPTIONS = EVENT_MODES.map((mode) => ({ id: mode, name: EVENT_MODE_LABELS[mode] }));

export default function EventEditPage() {
  const { errors, check } = useFormErrors();
  const hosts = organizedOrgs(useMe());
  const teams = useRemote(() => teamService.orgTeams('registered'));
  const requestId = useRef(newRequestId());
  const [form, setForm] = useState({
    leagueOrgId: '',
    title: '',
    day: shanghaiDay(Date.now()),
    startTime: '14:00',
    endTime: '17:00',
    teamIds: [] as string[],
    placeName: '',
    lat: null as number | null,
    lng: null as number | null,
    accuracy: null as number | null,
    radius: String(DEFAULT_RADIUS_M),
    mode: 'qr' as EventMode,
  });
  const [submitting, setSubmitting] = useState(false);
  const patch = (changes: Partial<typeof form>) => setForm({ ...form, ...changes });

  useEffect(() => {
    if (!form.leagueOrgId && hosts.length) patch({ leagueOrgId: hosts[0].id });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [hosts.length]);

  const locate = async () => {
    const fix = await currentFix();
    if (!fix.ok) return toastFailure(fix);
    patch({ lat: Number(fix.data.lat.toFixed(6)), lng: Number(fix.data.lng.toFixed(6)), accuracy: fix.data.accuracy });
  };

  const submit = async () => {
    if (submitting) return;
    const { accuracy: _accuracy, ...fields } = form;
    const checked = check(createEventInput, { ...fields, radius: Number(form.radius), requestId: requestId.current });
    if (!checked) return;
    setSubmitting(true);
    const result = await progressService.createEvent(checked);
    setSubmitting(false);
    if (!result.ok) return toastFailure(result);
    await Taro.showToast({ title: '活动已创建', icon: 'success' });
    void Taro.redirectTo({ url: `/packages/progress/event/index?id=${result.data.id}` });
  };

  const all = teams.data ?? [];
  return (
    <View className='kc-page'>
      <PageState
        loading={teams.loading && !teams.data}
        error={teams.error}
        onRetry={teams.reload}
        empty={all.length === 0}
        emptyTitle='没有可邀请的队伍'
        emptyDescription='所辖团组织下还没有已备案的突击队。'
      >
        <View className='kc-card'>
          {hosts.length > 1 ? (
            <FormRow label='主办团组织' required>
              <SelectField options={hosts} value={form.leagueOrgId} placeholder='请选择' onPick={(leagueOrgId) => patch({ leagueOrgId })} />
            </FormRow>
          ) : null}
          <FormRow label='活动名称' required error={errors.title}>
            <Input value={form.title} onChange={(title) => patch({ title })} placeholder='如：攻关方法培训会' maxLength={40} />
          </FormRow>
          <FormRow label='日期' required error={errors.day}>
            <DateField value={form.day} start={shanghaiDay(Date.now())} onPick={(day) => patch({ day })} />
          </FormRow>
          <FormRow label='开始时间' required error={errors.startTime}>
            <TimeField value={form.startTime} onPick={(startTime) => patch({ startTime })} />
          </FormRow>
          <FormRow label='结束时间' required error={errors.endTime}>
            <TimeField value={form.endTime} onPick={(endTime) => patch({ endTime })} />
          </FormRow>
          <FormRow label='活动地点' required error={errors.placeName}>
            <Input value={form.placeName} onChange={(placeName) => patch({ placeName })} placeholder='如：省团委青年会堂' maxLength={40} />
          </FormRow>
          <FormRow label='签到方式' required>
            <SelectField options={MODE_OPTIONS} value={form.mode} placeholder='请选择' onPick={(mode) => patch({ mode })} />
          </FormRow>
          {usesLocation(form.mode) ? (
            <>
              <FormRow label='地点坐标' required block>
                <View className='kc-row'>
                  <Text className={form.lat === null ? 'kc-muted' : ''}>
                    {form.lat === null ? '未设置' : `${form.lat}, ${form.lng}${form.accuracy ? `（±${form.accuracy} 米）` : ''}`}
                  </Text>
                  <Button size='small' onClick={locate}>
                    使用当前位置
                  </Button>
                </View>
                <Text className='kc-muted'>请在活动现场设置，签到时按与这里的距离判断。</Text>
              </FormRow>
              <FormRow label='签到范围（米）' required error={errors.radius}>
                <Input value={form.radius} onChange={(radius) => patch({ radius })} type='number' maxLength={4} />
              </FormRow>
            </>
          ) : null}
        </View>
        <View className='kc-row kc-section-title'>
          <Text>
            参加队伍（{form.teamIds.length}/{all.length}）
          </Text>
          <Text
            className='kc-link'
            onClick={() => patch({ teamIds: form.teamIds.length === all.length ? [] : all.map((team) => team.id) })}
          >
            {form.teamIds.length === all.length ? '全不选' : '全选'}
          </Text>
        </View>
        <View className='kc-card'>
          {all.map((team) => (
            <Checkbox
              key={team.id}
              className='kc-event-form__team'
              checked={form.teamIds.includes(team.id)}
              onChange={(on) => patch({ teamIds: on ? [...form.teamIds, team.id] : form.teamIds.filter((id) => id !== team.id) })}
              label={`${team.name}（${team.leagueOrgName}）`}
            />
          ))}
        </View>
        <Button type='primary' block loading={submitting} onClick={submit}>
          创建活动
        </Button>
      </PageState>
    </View>
  );
}
