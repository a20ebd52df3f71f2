/** Following an opinion up: forward only (待办 → 已回复 → 已解决), with a reply and an owner who organizes the org. */
import { OPINION_NEXT, OPINION_STATE_LABELS } from '../../../core/contact-rules';
import { AppError } from '../../../core/errors';
import type { Opinion } from '../../../core/types';
import { findById, txFind, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import { early } from '../../runtime/early';
import type { Handler } from '../../runtime/function';
import { usersById } from '../../runtime/lookups';
import { managesIn } from '../../runtime/orgs';
import { displayName } from '../../runtime/users';
import { opinionView, peopleOf } from './views';

const MISSING = '找不到这条意见建议，可能已被删除';

function requireForward(opinion: Opinion, state: Opinion['state']): void {
  const next = OPINION_NEXT[opinion.state];
  if (next.includes(state)) return;
  const now = OPINION_STATE_LABELS[opinion.state];
  throw new AppError(
    'STATE_CONFLICT',
    next.length
      ? `这条意见建议已是「${now}」，只能标为${next.map((step) => `「${OPINION_STATE_LABELS[step]}」`).join('或')}`
      : `这条意见建议已是「${now}」，不能再改变状态`,
  );
}

export const updateOpinion: Handler<'contact', 'updateOpinion'> = async ({ ctx, caller, input, org, orgs }) => {
  const [opinion, owner] = await Promise.all([
    findById(ctx.db, 'opinions', input.opinionId),
    input.ownerId ? findById(ctx.db, 'users', input.ownerId) : Promise.resolve(null),
  ]);
  if (!opinion || opinion.orgId !== org._id) throw new AppError('NOT_FOUND', MISSING);
  if (input.ownerId && (!owner || !managesIn(orgs, owner, org._id))) {
    throw new AppError('INVALID_INPUT', `负责人须是「${org.name}」或其上级组织的管理员，请重新选择`);
  }
  if (input.state === 'replied' && !input.reply) throw new AppError('INVALID_INPUT', '标为已回复时请填写答复');
  const last = opinion.history[opinion.history.length - 1];
  // Handing it to someone else keeps its state; anything else moves it forward.
  const handOver = opinion.state === input.state && input.ownerId !== undefined && input.ownerId !== opinion.ownerId;
  const repeated = !handOver && opinion.state === input.state && last?.by === caller._id && last.reply === input.reply;
  const names = early(usersById(ctx, peopleOf([], [opinion]), owner ? [caller, owner] : [caller]));
  if (repeated) return opinionView(opinion, await names); // the same step sent twice
  if (!handOver) requireForward(opinion, input.state);
  const now = ctx.now();
  const reply = input.reply || opinion.reply;
  const ownerId = input.ownerId ?? opinion.ownerId;
  const step = { state: input.state, at: now, by: caller._id, reply: input.reply };
  const written = await ctx.db.runTransaction(async (tx): Promise<Opinion> => {
    const current = await txFind(tx, 'opinions', opinion._id);
    if (!current) throw new AppError('NOT_FOUND', MISSING);
    if (!(handOver && current.state === input.state)) requireForward(current, input.state);
    const history = [...current.history, step];
    await txUpdate(tx, 'opinions', current._id, {
      state: input.state,
      reply,
      ownerId,
      updatedAt: now,
      history: ctx.db.command.set(history),
    });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'contact',
      action: 'updateOpinion',
      target: `opinions/${current._id}`,
      summary: handOver
        ? `意见建议「${current.text.slice(0, 40)}」改由 ${displayName(owner)} 负责`
        : `意见建议「${current.text.slice(0, 40)}」标为${OPINION_STATE_LABELS[input.state]}${input.reply ? `：${input.reply.slice(0, 100)}` : ''}`,
      orgId: org._id,
      teamId: current.teamId,
    });
    return { ...current, state: input.state, reply, ownerId, updatedAt: now, history };
  });
  return opinionView(written, await names);
};
