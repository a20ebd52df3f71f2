/**
 * Stand-ins for the WeChat openapi calls, with WeChat's shapes and rules, over the local store.
 * WeChat's own ledger of subscription accepts lives in `_wx_consents` (written when the H5
 * app's stand-in dialog is accepted); what would have been sent lands in `_wx_sent`.
 */
import { FIELD_LIMITS, TEMPLATES, templateKeyOfId, type TemplateFieldKind } from '../core/templates';
import type { Database } from '../server/db/types';
import type { OpenApi } from '../server/runtime/sdk';
import { isNotFoundError } from '../server/db/types';

/** Words the local checker treats as risky or as needing a person to look. Tests rely on them. */
export const RISKY_WORDS = ['赌博', '诈骗', '违禁品', '翻墙'];
export const REVIEW_WORDS = ['内部资料', '待核实'];
/** The local image checker judges by file name: a name containing one of these gets that verdict. */
export const MEDIA_VERDICT_MARKS = { risky: 'risky', review: 'review' } as const;

/** A media check waiting to be pushed back, as WeChat's wxa_media_check event would be. */
export type PendingMediaCheck = {
  _id: string;
  openid: string;
  mediaUrl: string;
  suggest: 'pass' | 'review' | 'risky';
  delivered: boolean;
  at: number;
};

function wxError(errCode: number, errMsg: string) {
  return Object.assign(new Error(`${errCode} ${errMsg}`), { errCode, errMsg });
}

export function wxConsentId(openid: string, templateId: string) {
  return `${openid}_${templateId}`.replace(/[^\w-]/g, '_');
}

/** What WeChat does when the user accepts in requestSubscribeMessage: one more send allowed. */
export async function grantWxConsent(db: Database, openid: string, templateId: string, now: number) {
  await db.runTransaction(async (tx) => {
    const ref = tx.collection('_wx_consents').doc(wxConsentId(openid, templateId));
    try {
      await ref.get();
      await ref.update({ data: { count: db.command.inc(1), updatedAt: now } });
    } catch (error) {
      if (!isNotFoundError(error)) throw error;
      await ref.set({ data: { openid, templateId, count: 1, updatedAt: now } });
    }
  });
}

export function createLocalOpenApi(db: Database, now: () => number = Date.now): OpenApi {
  return {
    subscribeMessage: {
      async send(args) {
        const key = templateKeyOfId(args.templateId);
        if (!key) throw wxError(40037, 'invalid template_id');
        const kinds = TEMPLATES[key].fields as Record<string, TemplateFieldKind>;
        for (const [name, { value }] of Object.entries(args.data)) {
          const kind = kinds[name];
          if (!kind) throw wxError(47003, `argument invalid! data.${name} is not in the template`);
          if (Array.from(value).length > FIELD_LIMITS[kind]) throw wxError(47003, `argument invalid! data.${name}.value too long`);
        }
        const spent = await db.runTransaction(async (tx) => {
          const ref = tx.collection('_wx_consents').doc(wxConsentId(args.touser, args.templateId));
          let count = 0;
          try {
            count = Number((await ref.get()).data.count) || 0;
          } catch (error) {
            if (!isNotFoundError(error)) throw error;
          }
          if (count <= 0) return false;
          await ref.update({ data: { count: count - 1, updatedAt: now() } });
          await tx
            .collection('_wx_sent')
            .doc(`${now().toString(36)}${Math.random().toString(36).slice(2, 8)}`)
            .set({
              data: { touser: args.touser, templateId: args.templateId, page: args.page, data: args.data, at: now() },
            });
          return true;
        });
        if (!spent) throw wxError(43101, 'user refuse to accept the msg');
        return { errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' };
      },
    },
    security: {
      async msgSecCheck(args) {
        if (!args.openid) throw wxError(40003, 'invalid openid');
        const suggest = RISKY_WORDS.some((word) => args.content.includes(word))
          ? 'risky'
          : REVIEW_WORDS.some((word) => args.content.includes(word))
            ? 'review'
            : 'pass';
        return { errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest, label: suggest === 'pass' ? 100 : 20001 } };
      },
      async mediaCheckAsync(args) {
        if (!args.openid) throw wxError(40003, 'invalid openid');
        if (!args.mediaUrl) throw wxError(40001, 'invalid media_url');
        const traceId = `${now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
        const suggest = args.mediaUrl.includes(MEDIA_VERDICT_MARKS.risky)
          ? 'risky'
          : args.mediaUrl.includes(MEDIA_VERDICT_MARKS.review)
            ? 'review'
            : 'pass';
        await db
          .collection('_wx_media_checks')
          .doc(traceId)
          .set({ data: { openid: args.openid, mediaUrl: args.mediaUrl, suggest, delivered: false, at: now() } });
        return { errCode: 0, errMsg: 'openapi.security.mediaCheckAsync:ok', traceId };
      },
    },
  };
}
