/**
 * Turns a domain's handler table into a cloud function: validates the event against the shared
 * schema, identifies the caller from the platform, enforces the access rule, and answers a Result.
 */
import type * as v from 'valibot';
import { API, type ActionDef, type ActionName, type ActionOutput, type ActionParsed, type ActionRule, type FnName } from '../../core/api';
import { AppError, failure, ok, type Result } from '../../core/errors';
import type { AccessRule } from '../../core/permissions';
import type { User } from '../../core/types';
import { userTextsOf } from '../../core/schemas/user-text';
import { validate } from '../../core/validate';
import { grantAccess, loadForRule, type GrantOf } from './access';
import { checkTexts, type ContentVerdict } from './content';
import type { Ctx } from './context';
import { early } from './early';
import { fromPlatform, TIMER_SOURCE, type CloudSdk, type Storage } from './sdk';
import { forgetOnCommit } from './memo';
import { ensureUser } from './users';

/** What a handler receives: the caller, the validated input, and what its access rule granted (typed by the rule). */
export type HandlerArgs<F extends FnName, A extends ActionName<F>> = {
  ctx: Ctx;
  caller: User;
  input: ActionParsed<F, A>;
  /** msgSecCheck's verdict on every user-text field of the input (risky text never reaches a handler). */
  contentVerdict: ContentVerdict;
} & GrantOf<ActionRule<F, A>>;

export type Handlers<F extends FnName> = {
  [A in ActionName<F>]: (args: HandlerArgs<F, A>) => Promise<ActionOutput<F, A>>;
};

/** One action's handler, for handlers written apart from their domain's table. */
export type Handler<F extends FnName, A extends ActionName<F>> = Handlers<F>[A];

/** Fields the platform adds to a callFunction event; never trusted, never passed on. */
const PLATFORM_KEYS = ['action', 'userInfo'];

export type CloudFunction = (event: unknown, ctx: Ctx) => Promise<Result<unknown>>;

export function createFunction<F extends FnName>(fn: F, handlers: Handlers<F>): CloudFunction {
  return async (event, ctx) => {
    if (typeof event !== 'object' || event === null || typeof (event as { action?: unknown }).action !== 'string') {
      return failure('UNKNOWN_ACTION', '请求缺少操作名称');
    }
    const action = (event as { action: string }).action;
    const actions = API[fn] as unknown as Record<string, ActionDef<v.GenericSchema<unknown, unknown>, unknown, AccessRule> | undefined>;
    const def = Object.hasOwn(actions, action) ? actions[action] : undefined;
    const handler = (handlers as Record<string, ((args: HandlerArgs<F, ActionName<F>>) => Promise<unknown>) | undefined>)[action];
    if (!def || !handler) return failure('UNKNOWN_ACTION', `不支持的操作「${action}」，请更新小程序后重试`);

    const raw = Object.fromEntries(Object.entries(event).filter(([key]) => !PLATFORM_KEYS.includes(key)));
    const parsed = validate(def.input, raw);
    if (!parsed.ok) return parsed;

    // Each invocation gets its own ctx: reads memoized for it (runtime/memo.ts) are never shared.
    const invocation: Ctx = { ...ctx };
    invocation.db = forgetOnCommit(invocation);
    try {
      if (def.access === 'system') {
        if (invocation.openid) return failure('FORBIDDEN', '该操作只能由系统定时任务执行');
        // A system action has no user text (test/core/user-text.test.ts): nobody's words to check.
        return ok(await handler({ ctx: invocation, caller: SYSTEM_USER, input: parsed.data as never, contentVerdict: 'pass' } as never));
      }
      if (!invocation.openid) return failure('UNAUTHENTICATED');
      // Every user-text field is checked alongside the reads and its verdict awaited before the handler:
      // a field cannot skip the check, and risky text is refused before anything is written.
      const screened = early(checkTexts(invocation, userTextsOf(def.input, parsed.data)));
      // The caller and what the access rule needs are read together: one round trip deep.
      const [caller, loaded] = await Promise.all([ensureUser(invocation), loadForRule(def.access, invocation, parsed.data)]);
      const grant = await grantAccess(def.access, invocation, caller, loaded);
      const contentVerdict = await screened;
      return ok(await handler({ ctx: invocation, caller, input: parsed.data as never, contentVerdict, ...grant } as never));
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
    read: async (fileID) => (await sdk.downloadFile({ fileID })).fileContent,
    write: async (cloudPath, fileContent) => (await sdk.uploadFile({ cloudPath, fileContent })).fileID,
  };
  return async (event: unknown): Promise<Result<unknown>> => {
    const context = { db: sdk.database(), openapi: sdk.openapi, storage, now: Date.now };
    const push = event as { Type?: unknown; Event?: unknown; trace_id?: unknown; result?: { suggest?: unknown } } | null;
    const wx = sdk.getWXContext();
    // Only what WeChat itself started runs as the system: the SOURCE it reports, never the event's shape.
    const platform = fromPlatform(wx);
    if (push?.Event === 'wxa_media_check' && options.mediaCheckAction) {
      if (!platform) return failure('FORBIDDEN', '图片检查结果只能由微信推送');
      return run({ action: options.mediaCheckAction, traceId: push.trace_id, suggest: push.result?.suggest }, { ...context, openid: '' });
    }
    if (push?.Type === 'Timer' && options.timerAction) {
      if (!platform || wx.SOURCE !== TIMER_SOURCE) return failure('FORBIDDEN', '该操作只能由系统定时任务执行');
      return run({ action: options.timerAction }, { ...context, openid: '' });
    }
    if (!wx.OPENID && !platform) return failure('UNAUTHENTICATED');
    return run(event, { ...context, openid: wx.OPENID ?? '' });
  };
}
