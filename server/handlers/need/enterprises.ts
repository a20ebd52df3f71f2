/**
 * 企业认证 by application: someone signed in applies with their enterprise's name to a league org;
 * an organizer over it approves (the enterprise becomes active and the applicant its contact) or
 * refuses with a reason the applicant sees. One active enterprise per name per org: a second
 * contact of an enterprise already certified joins with a code from the org.
 */
import { normalizeOrgName } from '../../../core/admin-rules';
import { AppError } from '../../../core/errors';
import { ENTERPRISE_STATUS_LABELS } from '../../../core/need-rules';
import { formatDateTime } from '../../../core/time';
import type { Enterprise, Org, User } from '../../../core/types';
import type { EnterpriseView } from '../../../core/views';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { byIds, fieldsByIds, find } from '../../db/query';
import { audit } from '../../runtime/audit';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { keyedId } from '../../runtime/keyed-id';
import { enterpriseIdsOf, takesNeedsIn } from '../../runtime/need-roles';
import { leagueSubtree, loadOrgs, orgName } from '../../runtime/orgs';
import { enqueue } from '../../runtime/outbox';
import { displayName, requireProfile } from '../../runtime/users';

type Applicant = Pick<User, 'realName' | 'nickname' | 'unitName' | 'phone'> & Pick<Partial<User>, 'hidden'>;

export function enterpriseView(enterprise: Enterprise, orgs: Org[], applicant: Applicant | null = null): EnterpriseView {
  return {
    id: enterprise._id,
    name: enterprise.name,
    leagueOrgId: enterprise.leagueOrgId,
    leagueOrgName: orgName(orgs, enterprise.leagueOrgId),
    status: enterprise.status,
    applicant: applicant ? { name: displayName(applicant), unitName: applicant.unitName, phone: applicant.phone } : null,
    createdAt: enterprise.createdAt,
    decided: enterprise.decided ? { at: enterprise.decided.at, reason: enterprise.decided.reason } : null,
  };
}

const newestFirst = (a: Enterprise, b: Enterprise) => b.createdAt - a.createdAt;

function requireLeague(org: Org | undefined): Org {
  if (!org || org.retiredAt) throw new AppError('NOT_FOUND', '找不到这个团组织，可能已被撤销');
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '企业认证由团组织受理，请选择团组织');
  return org;
}

/** The active enterprises of this exact (normalized) name under one org. */
const activeNamed = (ctx: Ctx, leagueOrgId: string, name: string) =>
  find(ctx.db, 'enterprises', { leagueOrgId, status: 'active', name }, { limit: 1 });

export const apply: Handler<'need', 'apply'> = async ({ ctx, caller, input }) => {
  requireProfile(caller, '申请企业认证');
  if (!caller.phone) throw new AppError('STATE_CONFLICT', '请先在「我的 → 编辑资料」中填写手机号：团组织需要联系你核实企业身份');
  const enterpriseId = keyedId('e', caller._id, input.requestId);
  const name = normalizeOrgName(input.enterpriseName);
  const [orgs, existing, applied, held, sameName] = await Promise.all([
    loadOrgs(ctx),
    findById(ctx.db, 'enterprises', enterpriseId),
    find(ctx.db, 'enterprises', { applicantId: caller._id }),
    byIds(ctx.db, 'enterprises', enterpriseIdsOf(caller)),
    activeNamed(ctx, input.orgId, name),
  ]);
  if (existing) {
    if (existing.applicantId !== caller._id) throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后再申请');
    return enterpriseView(existing, orgs);
  }
  const org = requireLeague(orgs.find((candidate) => candidate._id === input.orgId));
  const pending = applied.find((enterprise) => enterprise.status === 'pending');
  if (pending) throw new AppError('STATE_CONFLICT', `你已有一份待团组织确认的企业认证申请（${pending.name}），请等待结果`);
  if (held.some((enterprise) => enterprise.status === 'active' && enterprise.name === name)) {
    throw new AppError('STATE_CONFLICT', `你已经是「${name}」的企业联系人，无需再次认证`);
  }
  if (sameName.length) throw new AppError('STATE_CONFLICT', `「${name}」已在${org.name}完成认证，请向该团组织索取企业联系人邀请码`);
  const now = ctx.now();
  const enterprise: Enterprise = {
    _id: enterpriseId,
    name,
    leagueOrgId: org._id,
    status: 'pending',
    applicantId: caller._id,
    createdBy: caller._id,
    createdAt: now,
    decided: null,
  };
  const stored = await ctx.db.runTransaction(async (tx) => {
    const again = await txFind(tx, 'enterprises', enterpriseId);
    if (again) return again;
    await txSet(tx, 'enterprises', enterprise);
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'apply',
      target: `enterprises/${enterpriseId}`,
      orgId: org._id,
      summary: `${displayName(caller)}（${caller.unitName}）申请认证企业「${name}」`,
    });
    return enterprise;
  });
  return enterpriseView(stored, orgs);
};

const APPLICANT_ON_ORG_SIDE =
  '申请人是为该企业服务的团组织（或其上级）的管理员或接单干部，不能同时担任企业联系人。请选择不通过并写明原因，由企业的工作人员另行申请';

const APPLICANT_FIELDS = ['realName', 'nickname', 'unitName', 'phone', 'hidden'] as const;

export const applications: Handler<'need', 'applications'> = async ({ ctx, org, orgs }) => {
  requireLeague(org);
  const _ = ctx.db.command;
  const enterprises = await find(
    ctx.db,
    'enterprises',
    { leagueOrgId: _.in([...leagueSubtree(orgs, [org._id])]), status: _.in(['pending', 'active']) },
    { orderBy: [['createdAt', 'desc']] },
  );
  const applicantIds = enterprises.flatMap((enterprise) =>
    enterprise.status === 'pending' && enterprise.applicantId ? [enterprise.applicantId] : [],
  );
  const applicants = new Map((await fieldsByIds(ctx.db, 'users', applicantIds, APPLICANT_FIELDS)).map((user) => [user._id, user]));
  return enterprises.map((enterprise) =>
    enterpriseView(
      enterprise,
      orgs,
      enterprise.status === 'pending' && enterprise.applicantId ? (applicants.get(enterprise.applicantId) ?? null) : null,
    ),
  );
};

export const decideApplication: Handler<'need', 'decideApplication'> = async ({ ctx, caller, input, org, orgs }) => {
  requireLeague(org);
  if (!input.approve && !input.reason) throw new AppError('INVALID_INPUT', '不通过时请填写原因，申请人会看到');
  const found = await findById(ctx.db, 'enterprises', input.enterpriseId);
  if (!found || !leagueSubtree(orgs, [org._id]).has(found.leagueOrgId)) throw new AppError('NOT_FOUND', '找不到这份企业认证申请');
  if (found.status !== 'pending') throw new AppError('STATE_CONFLICT', `这份申请已处理（${ENTERPRISE_STATUS_LABELS[found.status]}）`);
  if (input.approve && (await activeNamed(ctx, found.leagueOrgId, found.name)).length) {
    throw new AppError('STATE_CONFLICT', `「${found.name}」已经认证过，请选择不通过，并为申请人生成企业联系人邀请码`);
  }
  const now = ctx.now();
  const decided = { by: caller._id, at: now, reason: input.reason };
  const status = input.approve ? 'active' : 'rejected';
  const { enterprise, applicant } = await ctx.db.runTransaction(async (tx) => {
    const [current, user] = await Promise.all([
      txFind(tx, 'enterprises', found._id),
      found.applicantId ? txFind(tx, 'users', found.applicantId) : null,
    ]);
    if (!current || current.status !== 'pending') throw new AppError('STATE_CONFLICT', '这份申请已由其他管理员处理，请刷新');
    if (!user || user.deletedAt) throw new AppError('STATE_CONFLICT', '申请人已注销账号，这份申请无法再处理');
    // Whoever takes the org's needs stays on the org's side: as a contact they could confirm their own org's commitments.
    if (input.approve && takesNeedsIn(orgs, user, current.leagueOrgId)) throw new AppError('FORBIDDEN', APPLICANT_ON_ORG_SIDE);
    // `set`: an object field written whole, not merged into the null it replaces.
    await txUpdate(tx, 'enterprises', current._id, { status, decided: ctx.db.command.set(decided) });
    if (input.approve && !user.roles.some((grant) => grant.role === 'enterprise' && grant.scopeId === current._id)) {
      await txUpdate(tx, 'users', user._id, {
        roles: ctx.db.command.set([...user.roles, { role: 'enterprise', scopeId: current._id }]),
        updatedAt: now,
      });
    }
    const result = input.approve ? '已通过认证，你已成为企业联系人' : `未通过：${input.reason}`;
    await enqueue(tx, now, {
      userId: user._id,
      templateKey: 'needUpdated',
      dedupeKey: `enterpriseDecided_${current._id}`,
      title: '企业认证结果',
      body: `「${current.name}」${result}`,
      page: 'packages/need/apply/index',
      data: { thing1: current.name, thing2: result, time3: formatDateTime(now) },
    });
    await audit(tx, {
      at: now,
      actor: caller._id,
      fn: 'need',
      action: 'decideApplication',
      target: `enterprises/${current._id}`,
      orgId: current.leagueOrgId,
      summary: input.approve ? `通过企业「${current.name}」的认证申请` : `不通过企业「${current.name}」的认证申请：${input.reason}`,
    });
    return { enterprise: { ...current, status, decided } satisfies Enterprise, applicant: user };
  });
  return enterpriseView(enterprise, orgs, applicant);
};

export const myEnterprises: Handler<'need', 'myEnterprises'> = async ({ ctx, caller }) => {
  const [orgs, held, applied] = await Promise.all([
    loadOrgs(ctx),
    byIds(ctx.db, 'enterprises', enterpriseIdsOf(caller)),
    find(ctx.db, 'enterprises', { applicantId: caller._id }),
  ]);
  const mine = new Map([...applied, ...held].map((enterprise) => [enterprise._id, enterprise]));
  return [...mine.values()].sort(newestFirst).map((enterprise) => enterpriseView(enterprise, orgs));
};

export const enterpriseHandlers = { apply, applications, decideApplication, myEnterprises };
