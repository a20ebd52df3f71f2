/**
 * 企业点单, the enterprise's side: a draft saved and edited, submitted to its league org's
 * organizers and cadres, withdrawn with a reason (the record stays). Each change after the draft
 * is a step on the need that its other contacts are told of (recordNeedStep).
 */
import { AppError } from '../../../core/errors';
import { NEED_MACHINE, NEED_STATUS_LABELS, type NeedStatus } from '../../../core/need-rules';
import { formatDateTime } from '../../../core/time';
import type { Need, NeedStep, Org, User } from '../../../core/types';
import type { NeedDetail } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { audit } from '../../runtime/audit';
import type { ContentVerdict } from '../../runtime/content';
import type { Ctx } from '../../runtime/context';
import type { Handler, HandlerArgs } from '../../runtime/function';
import { keyedId } from '../../runtime/keyed-id';
import { must } from '../../runtime/machine';
import { enterpriseContactsOf, needPage, needUpdatedMessage, recordNeedStep } from '../../runtime/need-steps';
import { loadOrgs } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { needTakersOf } from './cadre-people';
import { listHandlers } from './need-lists';
import { NEED_HIDDEN, needDetail, needDetailView, readNeedDetail, type NeedDetailData } from './views';

type SaveArgs = HandlerArgs<'need', 'save'>;

/** The need's own words, as the enterprise wrote them. */
function contentOf(input: SaveArgs['input']) {
  return {
    title: input.title,
    field: input.field,
    problem: input.problem,
    targets: input.targets,
    timeline: input.timeline,
    budget: input.budget,
    visibility: input.visibility,
    contactName: input.contactName,
    contactPhone: input.contactPhone,
  };
}
type Content = ReturnType<typeof contentOf>;

const flagged = (verdict: ContentVerdict) => (verdict === 'review' ? { contentFlag: 'review' as const } : {});

/** Why a need in this state cannot be edited, in words. */
function editRefusal(status: NeedStatus): string {
  if (status === 'taken') return '需求已被接单，不能再修改；如需调整，请在需求留言中告诉接单干部';
  return `需求${NEED_STATUS_LABELS[status]}，不能再修改`;
}

/** Someone else changed the need between the reads and the transaction: steps they added may name people not read. */
const changedMeanwhile = (before: Need, current: Need) =>
  current.updatedAt !== before.updatedAt || current.steps.length !== before.steps.length;

/** The detail after a write: built from the reads made before it, or read again when the need changed meanwhile. */
function afterWrite(ctx: Ctx, caller: User, orgs: Org[], data: NeedDetailData, written: { need: Need; meanwhile: boolean }) {
  if (written.meanwhile) return needDetail(ctx, caller, written.need, orgs);
  return needDetailView(caller, written.need, orgs, data, ctx.now());
}

/** The org tree, the enterprise's contacts, and the detail's reads, all at once before a step. */
async function beforeStep(ctx: Ctx, caller: User, need: Need): Promise<{ orgs: Org[]; contacts: string[]; data: NeedDetailData }> {
  const [orgs, contacts, data] = await Promise.all([
    loadOrgs(ctx),
    enterpriseContactsOf(ctx.db, need.enterpriseId),
    readNeedDetail(ctx, need, true, [caller]),
  ]);
  return { orgs, contacts, data };
}

export const save: Handler<'need', 'save'> = async (args) => (args.input.needId ? edit(args, args.input.needId) : create(args));

async function create({ ctx, caller, input, contentVerdict, enterprise }: SaveArgs): Promise<NeedDetail> {
  const needId = keyedId('n', caller._id, input.requestId);
  const [orgs, existing] = await Promise.all([loadOrgs(ctx), findById(ctx.db, 'needs', needId)]);
  const replay = (need: Need) => {
    if (need.enterpriseId !== enterprise._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后再保存');
    return needDetail(ctx, caller, need, orgs);
  };
  if (existing) return replay(existing);
  const now = ctx.now();
  const need: Need = {
    _id: needId,
    enterpriseId: enterprise._id,
    enterpriseName: enterprise.name,
    leagueOrgId: enterprise.leagueOrgId,
    authorId: caller._id,
    requestId: input.requestId,
    ...contentOf(input),
    status: 'draft',
    ownerId: null,
    takenAt: null,
    respondBy: null,
    respondedAt: null,
    outcome: null,
    steps: [{ at: now, by: caller._id, kind: 'created', note: '企业创建需求' }],
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    withdrawn: null,
    ...flagged(contentVerdict),
  };
  const stored = await ctx.db.runTransaction(async (tx) => {
    const again = await txFind(tx, 'needs', needId);
    if (again) return again;
    await txSet(tx, 'needs', need);
    await audit(tx, needAudit(need, caller, 'save', `创建需求「${need.title}」（草稿）`, now));
    return need;
  });
  if (stored !== need) return replay(stored);
  return needDetailView(
    caller,
    need,
    orgs,
    { names: new Map([[caller._id, caller]]), messages: [], challenge: null, teams: [], merged: null },
    now,
  );
}

const changed = (need: Need, content: Content) => (Object.keys(content) as (keyof Content)[]).some((key) => need[key] !== content[key]);

async function edit({ ctx, caller, input, contentVerdict, enterprise }: SaveArgs, needId: string): Promise<NeedDetail> {
  const content = contentOf(input);
  const ownNeed = (need: Need | null): need is Need => need?.enterpriseId === enterprise._id;
  const found = findById(ctx.db, 'needs', needId);
  const [orgs, need, contacts, data] = await Promise.all([
    loadOrgs(ctx),
    found,
    enterpriseContactsOf(ctx.db, enterprise._id),
    found.then((need) => (ownNeed(need) ? readNeedDetail(ctx, need, true, [caller]) : null)),
  ]);
  if (!ownNeed(need) || !data) throw new AppError('NOT_FOUND', NEED_HIDDEN);
  must(NEED_MACHINE, need.status, 'edit', editRefusal(need.status));
  // Nothing new (a retried save, or one with no change): nothing to write or tell anyone.
  if (!changed(need, content) && (contentVerdict !== 'review' || need.contentFlag === 'review'))
    return needDetailView(caller, need, orgs, data, ctx.now());
  const now = ctx.now();
  const written = await ctx.db.runTransaction(async (tx) => {
    const current = await txFind(tx, 'needs', needId);
    if (!current) throw new AppError('NOT_FOUND', NEED_HIDDEN);
    must(NEED_MACHINE, current.status, 'edit', editRefusal(current.status));
    const patch = { ...content, ...flagged(contentVerdict) };
    let steps = current.steps;
    if (current.status === 'draft') {
      await txUpdate(tx, 'needs', needId, { ...patch, updatedAt: now });
    } else {
      // Once submitted, an edit is a step the other contacts (and the record) see.
      const step: NeedStep = { at: now, by: caller._id, kind: 'edited', note: '企业修改了需求内容' };
      steps = await recordNeedStep(ctx.db, tx, { ...current, title: content.title }, step, {
        patch,
        contacts,
        key: `edited_${input.requestId}`,
      });
    }
    await audit(tx, needAudit(current, caller, 'save', `修改需求「${content.title}」`, now));
    return { need: { ...current, ...patch, steps, updatedAt: now }, meanwhile: changedMeanwhile(need, current) };
  });
  return afterWrite(ctx, caller, orgs, data, written);
}

export const submit: Handler<'need', 'submit'> = async ({ ctx, caller, need }) => {
  // A repeated tap answers what the first did.
  if (need.status === 'submitted') return needDetail(ctx, caller, need, await loadOrgs(ctx));
  must(NEED_MACHINE, need.status, 'submit', `需求${NEED_STATUS_LABELS[need.status]}，不能再提交`);
  const [{ orgs, contacts, data }, takers] = await Promise.all([
    beforeStep(ctx, caller, need),
    loadOrgs(ctx).then((orgs) => needTakersOf(ctx.db, orgs, need.leagueOrgId)),
  ]);
  const now = ctx.now();
  const written = await ctx.db.runTransaction(async (tx) => {
    const current = await txFind(tx, 'needs', need._id);
    if (!current) throw new AppError('NOT_FOUND', NEED_HIDDEN);
    must(NEED_MACHINE, current.status, 'submit', `需求${NEED_STATUS_LABELS[current.status]}，不能再提交`);
    const patch = { status: 'submitted' as const, submittedAt: now };
    const step: NeedStep = { at: now, by: caller._id, kind: 'submitted', note: '企业提交需求，等待团组织接单' };
    const steps = await recordNeedStep(ctx.db, tx, current, step, { patch, contacts, key: 'submitted' });
    for (const userId of takers) {
      if (userId === caller._id) continue;
      await enqueue(tx, now, {
        userId,
        templateKey: 'needUpdated',
        dedupeKey: `needSubmitted_${current._id}_${userId}`,
        title: '新的企业需求待接单',
        body: `${current.enterpriseName}：${current.title}`,
        page: needPage(current._id),
        data: { thing1: current.title, thing2: '新的企业需求待接单', time3: formatDateTime(now) },
      });
    }
    await audit(tx, needAudit(current, caller, 'submit', `提交需求「${current.title}」`, now));
    return { need: { ...current, ...patch, steps, updatedAt: now }, meanwhile: changedMeanwhile(need, current) };
  });
  return afterWrite(ctx, caller, orgs, data, written);
};

export const withdraw: Handler<'need', 'withdraw'> = async ({ ctx, caller, input, contentVerdict, need }) => {
  if (need.status === 'withdrawn') return needDetail(ctx, caller, need, await loadOrgs(ctx));
  const refusal = `需求${NEED_STATUS_LABELS[need.status]}，不能再撤回`;
  must(NEED_MACHINE, need.status, 'withdraw', refusal);
  const { orgs, contacts, data } = await beforeStep(ctx, caller, need);
  const now = ctx.now();
  const written = await ctx.db.runTransaction(async (tx) => {
    const current = await txFind(tx, 'needs', need._id);
    if (!current) throw new AppError('NOT_FOUND', NEED_HIDDEN);
    must(NEED_MACHINE, current.status, 'withdraw', `需求${NEED_STATUS_LABELS[current.status]}，不能再撤回`);
    const withdrawn = { by: caller._id, at: now, reason: input.reason };
    const patch = { status: 'withdrawn' as const, ...flagged(contentVerdict) };
    const step: NeedStep = { at: now, by: caller._id, kind: 'withdrawn', note: `企业撤回需求：${input.reason}` };
    // `set`: the object replaces the null stored before, rather than being merged into it.
    const steps = await recordNeedStep(ctx.db, tx, current, step, {
      patch: { ...patch, withdrawn: ctx.db.command.set(withdrawn) },
      contacts,
      key: 'withdrawn',
    });
    // The cadre working on it hears of it too.
    if (current.ownerId && current.ownerId !== caller._id)
      await enqueue(tx, now, needUpdatedMessage(current, current.ownerId, step, 'withdrawn'));
    await audit(tx, needAudit(current, caller, 'withdraw', `撤回需求「${current.title}」：${input.reason}`, now));
    return { need: { ...current, ...patch, withdrawn, steps, updatedAt: now }, meanwhile: changedMeanwhile(need, current) };
  });
  return afterWrite(ctx, caller, orgs, data, written);
};

function needAudit(need: Pick<Need, '_id' | 'leagueOrgId'>, caller: User, action: string, summary: string, at: number) {
  return { at, actor: caller._id, fn: 'need', action, target: `needs/${need._id}`, orgId: need.leagueOrgId, summary };
}

export const needHandlers = { save, submit, withdraw, ...listHandlers };
