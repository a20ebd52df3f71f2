/**
 * The thread on a need between its enterprise and its cadres (§2). The owner's first message is the
 * first response the deadline asks for. Every message tells the other side; what was written stays
 * out of the audit trail and out of the notification (it is read on the need's page).
 */
import { AppError } from '../../../core/errors';
import { formatDateTime } from '../../../core/time';
import type { Need, NeedMessage, Org } from '../../../core/types';
import { txFind, txSet, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { keyedId } from '../../runtime/keyed-id';
import { enterpriseContactsOf, needPage, recordNeedStep } from '../../runtime/need-steps';
import { enqueue } from '../../runtime/outbox';
import { displayName } from '../../runtime/users';
import { needTakersOf } from './cadre-people';
import { readForView, unchangedSince, viewAfterWrite, type Written } from './cadre-view';

const MISSING = '找不到这条需求，可能已被撤回或删除';

function requireOpenThread(need: Need): void {
  if (need.status === 'draft') throw new AppError('STATE_CONFLICT', '需求提交后才能留言');
  if (need.status === 'withdrawn') throw new AppError('STATE_CONFLICT', '需求已撤回，不能再留言');
}

/** Who hears of a message: the enterprise's contacts for the cadres' side; the owner, or with none everyone who takes the org's needs, for the enterprise's. */
function recipientsOf(ctx: Ctx, need: Need, side: NeedMessage['side'], orgs: Org[]): Promise<string[]> {
  if (side === 'cadre') return enterpriseContactsOf(ctx.db, need.enterpriseId);
  return need.ownerId ? Promise.resolve([need.ownerId]) : needTakersOf(ctx.db, orgs, need.leagueOrgId);
}

export const message: Handler<'need', 'message'> = async ({ ctx, caller, input, need, orgs, side, contentVerdict }) => {
  requireOpenThread(need);
  const messageId = keyedId('m', caller._id, input.requestId);
  const reads = readForView(ctx, caller, need, orgs);
  const recipients = (await recipientsOf(ctx, need, side, orgs)).filter((id) => id !== caller._id);
  const name = displayName(caller);
  const written = await ctx.db.runTransaction(async (tx): Promise<Written & { message: NeedMessage | null }> => {
    const [current, stored] = await Promise.all([txFind(tx, 'needs', need._id), txFind(tx, 'needMessages', messageId)]);
    if (!current) throw new AppError('NOT_FOUND', MISSING);
    if (stored) return { need: current, asRead: false, message: null }; // the same message sent again
    requireOpenThread(current);
    const now = ctx.now();
    const posted: NeedMessage = { _id: messageId, needId: current._id, authorId: caller._id, side, body: input.body, at: now };
    await txSet(tx, 'needMessages', posted);
    const flag = contentVerdict === 'review' ? { contentFlag: 'review' as const } : {};
    let after: Need = { ...current, ...flag };
    const firstResponse = side === 'cadre' && current.status === 'taken' && current.ownerId === caller._id && current.respondedAt === null;
    if (firstResponse) {
      // Meeting the deadline is a step the enterprise sees; its notice stands for the message too.
      const step = { at: now, by: caller._id, kind: 'responded' as const, note: `${name} 首次回复了企业` };
      const patch = { respondedAt: now, ...flag };
      const steps = await recordNeedStep(ctx.db, tx, current, step, {
        patch,
        contacts: recipients,
        key: `responded_${current.steps.length}`,
      });
      after = { ...after, respondedAt: now, steps, updatedAt: now };
    } else if (contentVerdict === 'review') {
      await txUpdate(tx, 'needs', current._id, flag);
    }
    if (!firstResponse) {
      const from = side === 'enterprise' ? current.enterpriseName : '团组织';
      for (const userId of recipients) {
        await enqueue(tx, now, {
          userId,
          templateKey: 'needUpdated',
          dedupeKey: `needMessage_${messageId}_${userId}`,
          title: `需求「${current.title}」有新留言`,
          body: `${from}（${name}）在需求「${current.title}」留言，请打开需求查看`,
          page: needPage(current._id),
          data: { thing1: current.title, thing2: `${from}有新留言`, time3: formatDateTime(now) },
        });
      }
    }
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'message',
      target: `needMessages/${messageId}`,
      orgId: current.leagueOrgId,
      summary: `在需求「${current.title}」留言`,
    });
    return { need: after, asRead: unchangedSince(need, current), message: posted };
  });
  const posted = written.message;
  return viewAfterWrite(ctx, caller, written, orgs, reads, (data) => ({ messages: posted ? [...data.messages, posted] : data.messages }));
};

export const threadHandlers = { message };
