import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import type { ActionInput } from '@core/api';
import { attendanceStatusOf, EVENT_MODE_LABELS, parseQrPayload, usesCode, usesLocation } from '@core/progress-rules';
import { formatDateTime, formatTime } from '@core/time';
import type { EventCode, EventDetail } from '@core/views';
import { PageState } from '@/components/PageState';
import { QrCode } from '@/components/QrCode';
import { ReasonDialog } from '@/components/ReasonDialog';
import { AttendanceTag, EventPhaseTag } from '@/components/StatusTag';
import { toastDone, toastFailure } from '@/hooks/feedback';
import { useRemote } from '@/hooks/useRemote';
import { currentFix } from '@/services/location';
import { progressService } from '@/services/progress';
import './index.scss';

/** The organizer's screen: the code turns over every 10 s, fetched from the server that checks it. */
function RotatingCode({ eventId }: { eventId: string }) {
  const [code, setCode] = useState<EventCode | null>(null);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let alive = true;
    const next = async () => {
      const result = await progressService.eventCode(eventId);
      if (!alive) return;
      if (result.ok) {
        setCode(result.data);
        setProblem('');
      } else setProblem(result.message);
      const wait = result.ok ? Math.max(result.data.validUntil - Date.now(), 0) + 200 : 3000;
      timer = setTimeout(() => void next(), wait);
    };
    void next();
    Taro.setKeepScreenOn({ keepScreenOn: true }).catch(() => undefined);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [eventId]);
  if (problem && !code) return <View className='kc-banner kc-banner--danger'>{problem}</View>;
  if (!code) return <View className='kc-muted'>正在生成签到码…</View>;
  return (
    <View className='kc-event__code'>
      <QrCode modules={code.qr} size={220} />
      <Text className='kc-event__digits'>{code.code}</Text>
      <Text className='kc-muted'>每 10 秒更新；成员也可输入这 6 位数字签到</Text>
    </View>
  );
}

function SignInPanel({ event, onSigned }: { event: EventDetail; onSigned: (detail: EventDetail) => void }) {
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);

  const send = async (method: ActionInput<'progress', 'signIn'>['method'], typed: string | null) => {
    setBusy(true);
    let location = null;
    if (usesLocation(event.mode)) {
      const fix = await currentFix();
      if (!fix.ok) {
        setBusy(false);
        return toastFailure(fix);
      }
      location = fix.data;
    }
    const result = await progressService.signIn({ eventId: event.id, method, code: typed, location });
    setBusy(false);
    if (!result.ok) return toastFailure(result);
    toastDone('签到成功');
    onSigned(result.data);
  };

  const scan = async () => {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] });
      const payload = parseQrPayload(res.result);
      if (!payload || payload.eventId !== event.id)
        return toastFailure({ ok: false, code: 'INVALID_INPUT', message: '这不是本活动的签到二维码' });
      await send('scan', payload.code);
    } catch {
      // the user closed the scanner
    }
  };

  return (
    <View className='kc-card'>
      <Text className='kc-event__panel-title'>现场签到</Text>
      {usesCode(event.mode) ? (
        <>
          {process.env.TARO_ENV === 'weapp' ? (
            <Button type='primary' block loading={busy} onClick={scan}>
              扫码签到
            </Button>
          ) : null}
          <View className='kc-event__code-input'>
            <Input value={code} onChange={setCode} type='digit' maxLength={6} placeholder='输入现场屏幕上的 6 位签到码' />
            <Button type='primary' loading={busy} disabled={code.length !== 6} onClick={() => void send('code', code)}>
              签到
            </Button>
          </View>
        </>
      ) : (
        <Button type='primary' block loading={busy} onClick={() => void send('location', null)}>
          定位签到
        </Button>
      )}
      {usesLocation(event.mode) ? <Text className='kc-muted'>签到时会读取你的位置，须在活动地点 {event.place.radius} 米内</Text> : null}
    </View>
  );
}

export default function EventPage() {
  const { id = '' } = useRouter().params;
  const detail = useRemote(() => progressService.eventDetail(id), [id]);
  const [asking, setAsking] = useState(false);
  const event = detail.data;

  const requestMakeup = async (reason: string) => {
    setAsking(false);
    const result = await progressService.requestMakeup(id, reason);
    if (!result.ok) return toastFailure(result);
    toastDone('已提交补签申请');
    detail.setData(result.data);
  };

  const mine = event?.mine;
  const canSignIn =
    event?.viewer.isAttendee && event.phase === 'open' && (!mine || mine.status === 'makeupRequested' || mine.status === 'makeupRejected');
  return (
    <View className='kc-page'>
      <PageState loading={detail.loading && !event} error={detail.error} onRetry={detail.reload}>
        {event ? (
          <>
            <View className='kc-card'>
              <View className='kc-row'>
                <Text className='kc-event__title'>{event.title}</Text>
                <EventPhaseTag phase={event.phase} />
              </View>
              <View className='kc-muted'>
                时间：{formatDateTime(event.startAt)}–{formatTime(event.endAt)}
              </View>
              <View className='kc-muted'>地点：{event.place.name}</View>
              <View className='kc-muted'>
                方式：{EVENT_MODE_LABELS[event.mode]} · 主办：{event.organizerName}
              </View>
              <View className='kc-muted'>参加队伍：{event.teams.map((team) => team.name).join('、')}</View>
            </View>

            {event.viewer.isOrganizer ? (
              <View className='kc-card'>
                {event.phase === 'open' && usesCode(event.mode) ? <RotatingCode eventId={event.id} /> : null}
                {event.phase === 'open' && !usesCode(event.mode) ? (
                  <View className='kc-muted'>定位签到进行中，成员在活动地点附近即可签到。</View>
                ) : null}
                {event.phase !== 'open' ? (
                  <View className='kc-muted'>{event.phase === 'upcoming' ? '活动开始后这里会显示签到码。' : '活动已结束。'}</View>
                ) : null}
                <Button
                  block
                  fill='outline'
                  type='primary'
                  className='kc-event__sheet'
                  onClick={() => void Taro.navigateTo({ url: `/packages/progress/attendance/index?id=${event.id}` })}
                >
                  查看签到情况
                </Button>
              </View>
            ) : null}

            {event.viewer.isAttendee ? (
              <View className='kc-card kc-row'>
                <Text>我的签到</Text>
                <AttendanceTag status={mine?.status ?? attendanceStatusOf(null, event.phase === 'ended')} />
              </View>
            ) : null}
            {mine?.at && mine.status === 'signed' ? (
              <View className='kc-muted kc-event__note'>
                {formatDateTime(mine.at)} {mine.method}签到{mine.distance !== null ? `，距活动地点约 ${mine.distance} 米` : ''}
              </View>
            ) : null}
            {mine?.makeupReason ? <View className='kc-muted kc-event__note'>补签原因：{mine.makeupReason}</View> : null}
            {mine?.reviewNote ? <View className='kc-muted kc-event__note'>审核意见：{mine.reviewNote}</View> : null}

            {canSignIn ? <SignInPanel event={event} onSigned={detail.setData} /> : null}
            {event.viewer.canRequestMakeup ? (
              <Button block fill='outline' className='kc-event__makeup' onClick={() => setAsking(true)}>
                未能现场签到？申请补签
              </Button>
            ) : null}
            <ReasonDialog
              visible={asking}
              title='申请补签'
              hint='写明未能现场签到的原因，由主办方审核；通过后记为补签，不算现场签到。'
              confirmText='提交申请'
              minLength={4}
              onConfirm={(reason) => void requestMakeup(reason)}
              onCancel={() => setAsking(false)}
            />
          </>
        ) : null}
      </PageState>
    </View>
  );
}
