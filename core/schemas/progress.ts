import * as v from 'valibot';
import { CODE_DIGITS, EVENT_MODES, MAX_EVENT_TEAMS, MAX_LOG_PHOTOS, MAX_RADIUS_M, MIN_RADIUS_M, usesLocation } from '../progress-rules';
import { cursor, day, fileId, id, input, optionalUserText, requestId, userText } from './common';
import { evidence, evidenceFitsKind } from './evidence';

const teamId = id('队伍编号');
const eventId = id('活动编号');

export const logProgressInput = v.pipe(
  input({
    teamId,
    /** The day the log was written (Asia/Shanghai); a queued offline log keeps its own day. Defaults to today on the server. */
    day: v.optional(day('记录日期')),
    noProgress: v.optional(v.boolean('「今日无进展」须为是或否'), false),
    content: optionalUserText('进展内容', 500),
    evidence,
    photos: v.optional(v.pipe(v.array(fileId, '照片格式不正确'), v.maxLength(MAX_LOG_PHOTOS, `最多上传 ${MAX_LOG_PHOTOS} 张照片`)), []),
    claimId: v.optional(v.nullable(id('揭榜编号')), null),
    milestoneId: v.optional(v.nullable(id('节点编号')), null),
    requestId,
  }),
  v.check((value) => value.noProgress || value.content.length >= 2, '请写下今天的进展（至少 2 个字），或勾选「今日无进展」'),
  v.check((value) => !value.noProgress || value.evidence.kind === 'none', '勾选「今日无进展」时不需要填写凭证'),
  evidenceFitsKind(),
  v.check((value) => value.milestoneId === null || value.claimId !== null, '选择节点前请先选择对应的揭榜'),
);
export type LogProgressInput = v.InferInput<typeof logProgressInput>;

export const progressFormInput = input({ teamId, day: v.optional(day('记录日期')) });

export const timelineInput = input({
  teamId,
  userId: v.optional(v.nullable(id('成员编号')), null),
  claimId: v.optional(v.nullable(id('揭榜编号')), null),
  cursor,
});

export const calendarInput = input({
  month: v.pipe(v.string('请选择月份'), v.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 年-月')),
});

export const weeklyInput = input({ teamId, day: v.optional(day('日期')) });

// ——— events ———

const clock = (label: string) => v.pipe(v.string(`请选择${label}`), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 时:分`));
const latitude = v.pipe(v.number('纬度须为数字'), v.minValue(-90, '纬度须在 -90 到 90 之间'), v.maxValue(90, '纬度须在 -90 到 90 之间'));
const longitude = v.pipe(
  v.number('经度须为数字'),
  v.minValue(-180, '经度须在 -180 到 180 之间'),
  v.maxValue(180, '经度须在 -180 到 180 之间'),
);

export const createEventInput = v.pipe(
  input({
    leagueOrgId: id('主办团组织'),
    title: userText('活动名称', 4, 40),
    day: day('活动日期'),
    startTime: clock('开始时间'),
    endTime: clock('结束时间'),
    teamIds: v.pipe(
      v.array(teamId, '参加队伍格式不正确'),
      v.minLength(1, '请至少选择 1 支参加的队伍'),
      v.maxLength(MAX_EVENT_TEAMS, `一次活动最多 ${MAX_EVENT_TEAMS} 支队伍`),
    ),
    placeName: userText('活动地点', 2, 40),
    lat: v.optional(v.nullable(latitude), null),
    lng: v.optional(v.nullable(longitude), null),
    radius: v.pipe(
      v.number('签到范围须为数字'),
      v.integer('签到范围须为整数'),
      v.minValue(MIN_RADIUS_M, `签到范围至少 ${MIN_RADIUS_M} 米`),
      v.maxValue(MAX_RADIUS_M, `签到范围最多 ${MAX_RADIUS_M} 米`),
    ),
    mode: v.picklist(EVENT_MODES, '请选择签到方式'),
    requestId,
  }),
  v.check((value) => value.endTime > value.startTime, '结束时间须晚于开始时间'),
  v.check((value) => !usesLocation(value.mode) || (value.lat !== null && value.lng !== null), '定位签到须设置活动地点的坐标'),
);
export type CreateEventInput = v.InferInput<typeof createEventInput>;

export const EVENT_SCOPES = ['mine', 'manage'] as const;
export const eventsInput = input({ scope: v.optional(v.picklist(EVENT_SCOPES, '筛选条件有误'), 'mine'), cursor });

export const eventIdInput = input({ eventId });

const fix = v.strictObject(
  {
    lat: latitude,
    lng: longitude,
    accuracy: v.pipe(v.number('定位精度须为数字'), v.minValue(0, '定位精度须为正数'), v.maxValue(100_000, '定位精度数值过大')),
  },
  '定位信息格式不正确',
);

export const signInInput = input({
  eventId,
  method: v.picklist(['scan', 'code', 'location'], '签到方式有误'),
  code: v.optional(
    v.nullable(
      v.pipe(v.string('签到码须为数字'), v.trim(), v.regex(new RegExp(`^\\d{${CODE_DIGITS}}$`), `签到码是 ${CODE_DIGITS} 位数字`)),
    ),
    null,
  ),
  location: v.optional(v.nullable(fix), null),
});
export type SignInInput = v.InferInput<typeof signInInput>;

export const requestMakeupInput = input({ eventId, reason: userText('补签原因', 4, 200) });

export const reviewMakeupInput = v.pipe(
  input({
    eventId,
    userId: id('成员编号'),
    decision: v.picklist(['approve', 'reject'], '请选择通过或驳回'),
    note: optionalUserText('审核意见', 200),
  }),
  v.check((value) => value.decision === 'approve' || value.note.length >= 2, '驳回补签请写明原因（至少 2 个字）'),
);
