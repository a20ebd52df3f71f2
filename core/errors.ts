/** Every error a caller can receive. The Chinese text is the default message shown to users. */
export const ERROR_MESSAGES = {
  UNAUTHENTICATED: '请先登录后再操作',
  INVALID_INPUT: '填写的内容有误，请检查后重试',
  UNKNOWN_ACTION: '不支持的操作，请更新小程序后重试',
  FORBIDDEN: '你没有权限进行此操作',
  NOT_FOUND: '要找的内容不存在或已被删除',
  STATE_CONFLICT: '当前状态不允许此操作，请刷新后重试',
  DUPLICATE: '已经提交过了，请勿重复提交',
  ALREADY_MEMBER: '你已经是该突击队的成员',
  INVITE_INVALID: '邀请码无效或队伍已停止接收新成员，请向队长确认',
  TOO_MANY_ATTEMPTS: '尝试次数过多，请一小时后再试，或向队长核对邀请码',
  LEADER_MUST_TRANSFER: '队长需先移交队长身份，才能退出突击队',
  CONTENT_RISKY: '内容含有不适宜发布的信息，请修改后重试',
  CODE_EXPIRED: '签到码已过期或不正确，请以现场屏幕上的最新签到码为准',
  OUT_OF_RANGE: '不在签到范围内，请到活动现场后重试',
  FILE_TOO_LARGE: '文件过大，请选择 2 MB 以内的图片',
  NETWORK: '网络不可用，请检查网络后重试',
  INTERNAL: '服务暂时出现问题，请稍后重试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const ERROR_CODES = Object.keys(ERROR_MESSAGES) as ErrorCode[];

export type Failure = { ok: false; code: ErrorCode; message: string };
export type Success<T> = { ok: true; data: T };
export type Result<T> = Success<T> | Failure;

export function ok<T>(data: T): Success<T> {
  return { ok: true, data };
}

/** Failures that may go away by themselves, where offering 重试 makes sense; the rest need something else done. */
const RETRYABLE: readonly ErrorCode[] = ['NETWORK', 'INTERNAL'];

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE.includes(code);
}

export function failure(code: ErrorCode, message?: string): Failure {
  return { ok: false, code, message: message ?? ERROR_MESSAGES[code] };
}

/** Thrown by server code to end an action with a known failure; turned into a Failure at the edge. */
export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message?: string) {
    super(message ?? ERROR_MESSAGES[code]);
    this.code = code;
    this.name = 'AppError';
  }
}

/** Two results asked for together (one round trip): both answers, or the first failure. */
export async function both<A, B>(first: Promise<Result<A>>, second: Promise<Result<B>>): Promise<Result<[A, B]>> {
  const [a, b] = await Promise.all([first, second]);
  if (!a.ok) return a;
  if (!b.ok) return b;
  return ok([a.data, b.data]);
}
