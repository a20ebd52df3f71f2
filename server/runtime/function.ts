/**
 * Turns a domain's handler table into a cloud function: validates the event against the shared
 * schema, identifies the caller from the platform, enforces the access rule, and answers a Result.
 */
import type * as v from 'valibot';
import { API, type ActionDef, type ActionName, type ActionOutput, type ActionParsed, type FnName } from '../../core/api';
import { AppError, failure, ok, type Result } from '../../core/errors';
import type { Achievement, Challenge, Letter, Notice, Team, TeamEvent, User } from '../../core/types';
import { validate } from '../../core/validate';
import { NO_GRANT, checkAccess } from './access';
import type { Ctx } from './context';
import type { CloudSdk, Storage } from './sdk';
import { ensureUser } from './users';

export type HandlerArgs<F extends FnName, A extends ActionName<F>> = {
  ctx: Ctx;
  caller: User;
  input: ActionParsed<F, A>;
  /** Loaded by the access check for team-scoped rules; null otherwise. */
  team: Team | null;
  /** Loaded by the access check for challenge-scoped rules; null otherwise. */
  challenge: Challenge | null;
  /** Loaded by the access check for event-scoped rules; null otherwise. */
  teamEvent: TeamEvent | null;
  /** Loaded by the access check for achievement-scoped rules; null otherwise. */
  achievement: Achievement | null;
  /** Loaded by the access check for notice-scoped rules; null otherwise. */
  notice: Notice | null;
  /** Loaded by the access check for letter-scoped rules; null otherwise. */
  letter: Letter | null;
};

export type Handlers<F extends FnName> = {
  [A in ActionName<F>]: (args: HandlerArgs<F, A>) => Promise<ActionOutput<F, A>>;
};

/** Fields the platform adds to a callFunction event; never trusted, never passed on. */
const PLATFORM_KEYS = ['action', 'userInfo'];

export type CloudFunction = (event: unknown, ctx: Ctx) => Promise<Result<unknown>>;

export function createFunction<F extends FnName>(fn: F, handlers: Handlers<F>): CloudFunction {
  return async (event, ctx) => {
    if (typeof event !== 'object' || event === null || typeof (event as { action?: unknown }).action !== 'string') {
      return failure('UNKNOWN_ACTION', '请求缺少操作名称');
    }
    const action = (event as { action: string }).action;
    const actions = API[fn] as unknown as Record<string, ActionDef<v.GenericSchema<unknown, unknown>, unknown> | undefined>;
    const def = Object.hasOwn(actions, action) ? actions[action] : undefined;
    const handler = (handlers as Record<string, ((args: HandlerArgs<F, ActionName<F>>) => Promise<unknown>) | undefined>)[action];
    if (!def || !handler) return failure('UNKNOWN_ACTION', `不支持的操作「${action}」，请更新小程序后重试`);

    const raw = Object.fromEntries(Object.entries(event).filter(([key]) => !PLATFORM_KEYS.includes(key)));
    const parsed = validate(def.input, raw);
    if (!parsed.ok) return parsed;

    try {
      if (def.access === 'system') {
        if (ctx.openid) return failure('FORBIDDEN', '该操作只能由系统定时任务执行');
        return ok(
          await handler({
            ctx,
            caller: SYSTEM_USER,
            input: parsed.data as never,
            ...NO_GRANT,
          }),
        );
      }
      if (!ctx.openid) return failure('UNAUTHENTICATED');
      const caller = await ensureUser(ctx);
      const grant = await checkAccess(def.access, ctx, caller, parsed.data);
      return ok(await handler({ ctx, caller, input: parsed.data as never, ...grant }));
    } catch (error) {
      if (error instanceof AppError) return failure(error.code, error.message);
      console.error(`[${fn}.${action}]`, error);
      return failure('INTERNAL');
    }
  };
}

const SYSTEM_USER: User = {
  _id: '',
  nickname: '系统',
  avatar: '',
  realName: '',
  unitName: '',
  phone: '',
  roles: [],
  createdAt: 0,
  updatedAt: 0,
};

/** The `main` WeChat calls: identity from getWXContext, the database and openapi from the SDK. */
export function createMain(sdk: CloudSdk, run: CloudFunction, options: { timerAction?: string; mediaCheckAction?: string } = {}) {
  const storage: Storage = {
    tempUrls: async (fileIds) => {
      if (!fileIds.length) return [];
      const { fileList } = await sdk.getTempFileURL({ fileList: fileIds });
      return fileIds.map((id) => fileList.find((file) => file.fileID === id)?.tempFileURL ?? '');
    },
  };
  return async (event: unknown): Promise<Result<unknown>> => {
    const context = { db: sdk.database(), openapi: sdk.openapi, storage, now: Date.now };
    const push = event as { Type?: unknown; Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } } | null;
    if (push?.Event === 'wxa_media_check' && options.mediaCheckAction) {
      // WeChat's message push of a media verdict runs as the system. A forged one from a client
      // could only name a trace id the server itself received from WeChat and never shows anyone.
      return run({ action: options.mediaCheckAction, traceId: push.trace_id, suggest: push.result?.suggest }, { ...context, openid: '' });
    }
    const isTimer = push?.Type === 'Timer';
    const payload = isTimer && options.timerAction ? { action: options.timerAction } : event;
    // A timer invocation has no OPENID; a client that imitates a timer event still has its own.
    const { OPENID } = sdk.getWXContext();
    return run(payload, { ...context, openid: OPENID ?? '' });
  };
}
