/**
 * 企业点单, the enterprise's side on the real local store: codes bind enterprise contacts and
 * cadres, applications are decided by an organizer, needs are drafted, edited, submitted to the
 * org's takers, shown on the public board without their contact, and withdrawn with the record kept.
 */
import { enterpriseContactsOf } from '../../server/runtime/need-steps';
import { encodeCursor } from '../../core/cursor';
import { verdict } from '../../devcloud/index-rule';
import { labelQueries, startQueryLog, stopQueryLog } from '../../devcloud/query-log';
import { GUESS_LIMIT } from '../../server/runtime/guesses';
import { DAY_MS } from '../../core/time';
import type { Enterprise, Need, User } from '../../core/types';
import { NEED_FIELDS } from '../helpers/valid-inputs';
import { DEMO, makeWorld, type World } from '../helpers/world';

const PROV = 'org-league-prov';

async function doc<T>(world: World, name: string, id: string): Promise<T> {
  return (await world.db.collection(name).doc(id).get()).data as unknown as T;
}

async function docs<T>(world: World, name: string, where: object): Promise<T[]> {
  return (await world.db.collection(name).where(where).limit(1000).get()).data as unknown as T[];
}

async function inbox(world: World, openid: string) {
  return (await world.expectOk('message', openid, 'inbox', {})).items;
}

async function enterpriseCode(world: World, enterpriseName: string) {
  return world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: PROV, kind: 'enterprise', enterpriseName });
}

/** A new enterprise bound to the newcomer by a code; its id. */
async function newcomerEnterprise(world: World, enterpriseName = '省轨道交通装备公司'): Promise<string> {
  const { code } = await enterpriseCode(world, enterpriseName);
  return (await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code })).scopeId;
}

const draftOf = (enterpriseId: string, requestId: string, overrides: Record<string, unknown> = {}) => ({
  enterpriseId,
  requestId,
  ...NEED_FIELDS,
  ...overrides,
});

describe('role codes', () => {
  it('binds an enterprise contact with a code shown once, and the same name reuses the enterprise', async () => {
    const world = await makeWorld();
    const issued = await enterpriseCode(world, '  省轨道交通　装备公司 ');
    expect(issued).toMatchObject({ kind: 'enterprise', label: '企业联系人：省轨道交通 装备公司' });
    expect(issued.code).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(issued.expiresAt).toBe(world.clock.now + 7 * DAY_MS);
    // Only the hash is stored.
    const [stored] = await docs<{ _id: string; kind: string }>(world, 'roleCodes', { kind: 'enterprise' });
    expect(stored._id).not.toContain(issued.code.replace(/-/g, ''));

    const redeemed = await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: issued.code.toLowerCase() });
    expect(redeemed.kind).toBe('enterprise');
    const enterprise = await doc<Enterprise>(world, 'enterprises', redeemed.scopeId);
    expect(enterprise).toMatchObject({ name: '省轨道交通 装备公司', leagueOrgId: PROV, status: 'active', applicantId: null });
    const user = await doc<User>(world, 'users', DEMO.newcomer);
    expect(user.roles).toContainEqual({ role: 'enterprise', scopeId: redeemed.scopeId });
    expect(await world.expectOk('need', DEMO.newcomer, 'myEnterprises', {})).toEqual([
      expect.objectContaining({ id: redeemed.scopeId, status: 'active', leagueOrgName: '共青团某省委员会' }),
    ]);
    // A retried redeem answers the same; someone else finds the code spent.
    expect(await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code: issued.code })).toEqual(redeemed);
    expect(await world.invoke('need', DEMO.leaderB, 'redeemCode', { code: issued.code })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });

    // A second code for the same enterprise names it, not a new one.
    const again = await enterpriseCode(world, '省轨道交通 装备公司');
    expect(await world.expectOk('need', DEMO.leaderB, 'redeemCode', { code: again.code })).toMatchObject({ scopeId: redeemed.scopeId });
    const audit = await docs<{ orgId: string; action: string }>(world, 'audit', { fn: 'need', action: 'redeemCode' });
    expect(audit).toHaveLength(2);
    expect(audit[0].orgId).toBe(PROV);
  });

  it('gives a code for a demo enterprise already certified to its existing record, and refuses one already held', async () => {
    const world = await makeWorld();
    const { code } = await enterpriseCode(world, '省汽车电子集团');
    expect(await world.invoke('need', DEMO.issuer, 'redeemCode', { code })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('已经是「省汽车电子集团」的企业联系人'),
    });
    // Refused without spending it: a colleague can still use it.
    expect(await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code })).toMatchObject({ scopeId: DEMO.enterprise });
  });

  it('refuses an enterprise code to whoever takes the needs of the enterprise’s org or one above it, leaving it unused', async () => {
    const world = await makeWorld();
    const { code } = await enterpriseCode(world, '省轨道交通装备公司');
    const cadre = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: PROV, kind: 'cadre' });
    await world.expectOk('need', DEMO.leaderB, 'redeemCode', { code: cadre.code });
    for (const openid of [DEMO.organizer, DEMO.leaderB]) {
      expect(await world.invoke('need', openid, 'redeemCode', { code })).toMatchObject({
        ok: false,
        code: 'FORBIDDEN',
        message: expect.stringContaining('不能同时担任它的企业联系人'),
      });
      expect((await doc<User>(world, 'users', openid)).roles.some((grant) => grant.role === 'enterprise')).toBe(false);
    }
    // 孙悦 organizes an org beneath the province only: the province's enterprise is not hers to serve.
    expect(await world.invoke('need', DEMO.unitOrganizer, 'redeemCode', { code })).toMatchObject({
      ok: true,
      data: { kind: 'enterprise' },
    });
  });

  it('binds a cadre to a league org, who then takes its needs; a party org gets no codes', async () => {
    const world = await makeWorld();
    const issued = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: 'org-league-hx', kind: 'cadre' });
    expect(issued.label).toBe('接单干部：华芯微电子团委');
    expect(await world.expectOk('need', DEMO.memberB, 'redeemCode', { code: issued.code })).toEqual({
      kind: 'cadre',
      label: '接单干部：华芯微电子团委',
      scopeId: 'org-league-hx',
    });
    expect((await doc<User>(world, 'users', DEMO.memberB)).roles).toContainEqual({ role: 'cadre', scopeId: 'org-league-hx' });
    // A province need is above the cadre's org: not theirs.
    expect((await world.expectOk('need', DEMO.memberB, 'detail', { needId: DEMO.needOpen })).viewer.isCadre).toBe(false);

    expect(await world.invoke('need', DEMO.organizer, 'issueCode', { orgId: 'org-party-hx', kind: 'cadre' })).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
  });

  it('counts wrong codes and refuses the eleventh attempt in the hour, even with a good code', async () => {
    const world = await makeWorld();
    const { code } = await enterpriseCode(world, '省轨道交通装备公司');
    for (let attempt = 0; attempt < GUESS_LIMIT; attempt += 1) {
      expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code: 'ABCD-EFGH-JKLM' })).toMatchObject({
        ok: false,
        code: 'NOT_FOUND',
      });
    }
    expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code })).toMatchObject({ ok: false, code: 'TOO_MANY_ATTEMPTS' });
    expect((await doc<User>(world, 'users', DEMO.newcomer)).roles).toEqual([]);
    world.clock.now += 60 * 60 * 1000;
    expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code })).toMatchObject({ ok: true });
  });

  it('refuses an expired code and a code of an enterprise that is no longer certified', async () => {
    const world = await makeWorld();
    const expired = await enterpriseCode(world, '省轨道交通装备公司');
    world.clock.now += 7 * DAY_MS + 1;
    expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code: expired.code })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('已过期'),
    });

    const fresh = await enterpriseCode(world, '省轨道交通装备公司');
    const [enterprise] = await docs<Enterprise>(world, 'enterprises', { name: '省轨道交通装备公司' });
    await world.db
      .collection('enterprises')
      .doc(enterprise._id)
      .update({ data: { status: 'rejected' } });
    expect(await world.invoke('need', DEMO.newcomer, 'redeemCode', { code: fresh.code })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
    expect((await doc<User>(world, 'users', DEMO.newcomer)).roles).toEqual([]);
  });
});

describe('applying as an enterprise', () => {
  it('is approved by an organizer, who sees who applied; the applicant is told and can then post needs', async () => {
    const world = await makeWorld();
    const applied = await world.expectOk('need', DEMO.leaderB, 'apply', {
      orgId: PROV,
      enterpriseName: '省新能源汽车公司',
      requestId: 'apply-test-0001',
    });
    expect(applied).toMatchObject({ status: 'pending', name: '省新能源汽车公司', leagueOrgName: '共青团某省委员会' });
    // Repeated request: one application.
    expect(
      await world.expectOk('need', DEMO.leaderB, 'apply', {
        orgId: PROV,
        enterpriseName: '省新能源汽车公司',
        requestId: 'apply-test-0001',
      }),
    ).toEqual(applied);
    // A second application while one waits is refused.
    expect(
      await world.invoke('need', DEMO.leaderB, 'apply', { orgId: PROV, enterpriseName: '另一家公司', requestId: 'apply-test-0002' }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });

    const list = await world.expectOk('need', DEMO.organizer, 'applications', { orgId: PROV });
    expect(list.find((item) => item.id === applied.id)?.applicant).toEqual({
      name: '陈思远',
      unitName: '省智能计算研究院',
      phone: '13800000004',
    });
    expect(list.find((item) => item.id === DEMO.enterprise)).toMatchObject({ status: 'active', applicant: null });
    // Not in 孙悦's subtree.
    expect(
      await world.invoke('need', DEMO.unitOrganizer, 'decideApplication', {
        orgId: 'org-league-zs',
        enterpriseId: applied.id,
        approve: true,
        reason: '',
      }),
    ).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const decided = await world.expectOk('need', DEMO.organizer, 'decideApplication', {
      orgId: PROV,
      enterpriseId: applied.id,
      approve: true,
      reason: '',
    });
    expect(decided).toMatchObject({ status: 'active', applicant: { name: '陈思远' } });
    expect((await inbox(world, DEMO.leaderB))[0]).toMatchObject({
      title: '企业认证结果',
      body: '「省新能源汽车公司」已通过认证，你已成为企业联系人',
    });
    expect(
      await world.invoke('need', DEMO.organizer, 'decideApplication', {
        orgId: PROV,
        enterpriseId: applied.id,
        approve: false,
        reason: '重复',
      }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });

    const need = await world.expectOk('need', DEMO.leaderB, 'save', draftOf(applied.id, 'need-test-0001'));
    expect(need).toMatchObject({ status: 'draft', enterpriseName: '省新能源汽车公司', leagueOrgId: PROV });
    expect((await docs<{ orgId: string }>(world, 'audit', { fn: 'need', action: 'decideApplication' }))[0].orgId).toBe(PROV);
  });

  it('needs a reason to refuse, which the applicant sees', async () => {
    const world = await makeWorld();
    const applied = await world.expectOk('need', DEMO.memberB, 'apply', {
      orgId: PROV,
      enterpriseName: '某材料科技公司',
      requestId: 'apply-test-0003',
    });
    const before = await world.snapshot();
    expect(
      await world.invoke('need', DEMO.organizer, 'decideApplication', {
        orgId: PROV,
        enterpriseId: applied.id,
        approve: false,
        reason: '',
      }),
    ).toEqual({
      ok: false,
      code: 'INVALID_INPUT',
      message: '不通过时请填写原因，申请人会看到',
    });
    expect(await world.snapshot()).toEqual(before);
    await world.expectOk('need', DEMO.organizer, 'decideApplication', {
      orgId: PROV,
      enterpriseId: applied.id,
      approve: false,
      reason: '无法核实企业身份',
    });
    expect(await world.expectOk('need', DEMO.memberB, 'myEnterprises', {})).toEqual([
      expect.objectContaining({ id: applied.id, status: 'rejected', decided: expect.objectContaining({ reason: '无法核实企业身份' }) }),
    ]);
    expect((await doc<User>(world, 'users', DEMO.memberB)).roles).toEqual([]);
    expect((await inbox(world, DEMO.memberB))[0].body).toBe('「某材料科技公司」未通过：无法核实企业身份');
  });

  it('is not approved for an applicant who takes the org’s needs, who may still be refused with a reason', async () => {
    const world = await makeWorld();
    const cadre = await world.expectOk('need', DEMO.organizer, 'issueCode', { orgId: PROV, kind: 'cadre' });
    await world.expectOk('need', DEMO.leaderB, 'redeemCode', { code: cadre.code });
    const applied = await world.expectOk('need', DEMO.leaderB, 'apply', {
      orgId: PROV,
      enterpriseName: '省新能源汽车公司',
      requestId: 'apply-test-0007',
    });
    const before = await world.snapshot();
    expect(
      await world.invoke('need', DEMO.organizer, 'decideApplication', { orgId: PROV, enterpriseId: applied.id, approve: true, reason: '' }),
    ).toMatchObject({ ok: false, code: 'FORBIDDEN', message: expect.stringContaining('不能同时担任企业联系人') });
    expect(await world.snapshot()).toEqual(before);
    const reason = '申请人是团省委接单干部，请由企业工作人员申请';
    expect(
      await world.expectOk('need', DEMO.organizer, 'decideApplication', { orgId: PROV, enterpriseId: applied.id, approve: false, reason }),
    ).toMatchObject({ status: 'rejected' });
  });

  it('requires a phone to verify by, and a league org; an enterprise already certified there takes a code instead', async () => {
    const world = await makeWorld();
    expect(
      await world.invoke('need', DEMO.newcomer, 'apply', { orgId: PROV, enterpriseName: '某公司', requestId: 'apply-test-0004' }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('手机号'),
    });
    expect(
      await world.invoke('need', DEMO.leaderB, 'apply', { orgId: 'org-party-hx', enterpriseName: '某公司', requestId: 'apply-test-0005' }),
    ).toMatchObject({
      ok: false,
      code: 'INVALID_INPUT',
    });
    expect(
      await world.invoke('need', DEMO.leaderB, 'apply', { orgId: PROV, enterpriseName: '省汽车电子集团', requestId: 'apply-test-0006' }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('邀请码'),
    });
    expect(await docs(world, 'enterprises', { applicantId: DEMO.leaderB })).toEqual([]);
  });
});

describe('needs', () => {
  it('drafts once per request, edits, submits to the org’s takers, and shows on the board without its contact', async () => {
    const world = await makeWorld();
    const enterpriseId = await newcomerEnterprise(world);
    const draft = await world.expectOk('need', DEMO.newcomer, 'save', draftOf(enterpriseId, 'need-test-0002'));
    expect(draft).toMatchObject({
      status: 'draft',
      title: NEED_FIELDS.title,
      contactPhone: NEED_FIELDS.contactPhone,
      viewer: { canSubmit: true, canEdit: true },
    });
    expect(draft.steps).toEqual([expect.objectContaining({ kind: 'created', byName: '吴桐' })]);
    expect(await world.expectOk('need', DEMO.newcomer, 'save', draftOf(enterpriseId, 'need-test-0002'))).toMatchObject({ id: draft.id });
    expect(await docs(world, 'needs', { enterpriseId })).toHaveLength(1);
    // A draft is the enterprise's alone.
    expect(await world.invoke('need', DEMO.organizer, 'detail', { needId: draft.id })).toMatchObject({ ok: false, code: 'NOT_FOUND' });

    const edited = await world.expectOk(
      'need',
      DEMO.newcomer,
      'save',
      draftOf(enterpriseId, 'need-test-0003', { needId: draft.id, title: '轨道车辆轴承故障预测' }),
    );
    expect(edited).toMatchObject({ id: draft.id, title: '轨道车辆轴承故障预测' });
    expect(edited.steps.map((step) => step.kind)).toEqual(['created']);

    const submitted = await world.expectOk('need', DEMO.newcomer, 'submit', { needId: draft.id });
    expect(submitted).toMatchObject({
      status: 'submitted',
      submittedAt: world.clock.now,
      viewer: { canSubmit: false, canEdit: true, canWithdraw: true },
    });
    expect(submitted.steps.map((step) => step.kind)).toEqual(['created', 'submitted']);
    expect((await inbox(world, DEMO.organizer))[0]).toMatchObject({
      title: '新的企业需求待接单',
      body: '省轨道交通装备公司：轨道车辆轴承故障预测',
    });
    // 孙悦 organizes a sub-org only: a province need is not hers to take.
    expect((await inbox(world, DEMO.unitOrganizer)).some((item) => item.title === '新的企业需求待接单')).toBe(false);
    expect((await docs<{ orgId: string }>(world, 'audit', { fn: 'need', action: 'submit' }))[0].orgId).toBe(PROV);

    const board = await world.expectOk('need', DEMO.leaderB, 'board', { keyword: '', cursor: null });
    expect(board.items[0]).toMatchObject({ id: draft.id, enterpriseName: '省轨道交通装备公司', status: 'submitted' });
    expect(board.items.map((item) => item.id)).toContain(DEMO.needOpen);
    expect(board.items.map((item) => item.id)).not.toContain(DEMO.needDraft);
    const seen = await world.expectOk('need', DEMO.leaderB, 'detail', { needId: draft.id });
    expect(seen).toMatchObject({
      contactName: null,
      contactPhone: null,
      steps: [],
      messages: [],
      viewer: { isEnterprise: false, isCadre: false, canMessage: false },
    });
    const cadre = await world.expectOk('need', DEMO.organizer, 'detail', { needId: draft.id });
    expect(cadre).toMatchObject({ contactPhone: NEED_FIELDS.contactPhone, viewer: { isCadre: true, canTake: true, canEdit: false } });
    expect(cadre.steps).toHaveLength(2);
  });

  it('searches the board literally by title or enterprise, page by page', async () => {
    const world = await makeWorld();
    const bySoc = await world.expectOk('need', DEMO.newcomer, 'board', { keyword: 'soc', cursor: null });
    expect(bySoc.items.map((item) => item.id)).toEqual([DEMO.needOpen]);
    const byEnterprise = await world.expectOk('need', DEMO.newcomer, 'board', { keyword: '汽车电子', cursor: null });
    expect(byEnterprise.items.map((item) => item.id).sort()).toEqual([DEMO.needOpen, DEMO.needSolicit].sort());
    expect((await world.expectOk('need', DEMO.newcomer, 'board', { keyword: '.*(', cursor: null })).items).toEqual([]);

    const enterpriseId = await newcomerEnterprise(world);
    for (let at = 0; at < 21; at += 1) {
      world.clock.now += 1000;
      const { id } = await world.expectOk('need', DEMO.newcomer, 'save', draftOf(enterpriseId, `need-page-${String(at).padStart(4, '0')}`));
      await world.expectOk('need', DEMO.newcomer, 'submit', { needId: id });
    }
    const first = await world.expectOk('need', DEMO.leaderB, 'board', { keyword: '', cursor: null });
    expect(first.items).toHaveLength(20);
    const second = await world.expectOk('need', DEMO.leaderB, 'board', { keyword: '', cursor: first.nextCursor });
    const ids = [...first.items, ...second.items].map((item) => item.id);
    expect(new Set(ids).size).toBe(23);
    expect(second.nextCursor).toBeNull();
  });

  it('keeps an organizers-only need from everyone but its enterprise and cadres', async () => {
    const world = await makeWorld();
    const saved = await world.expectOk(
      'need',
      DEMO.issuer,
      'save',
      draftOf(DEMO.enterprise, 'need-test-0004', { visibility: 'organizers' }),
    );
    await world.expectOk('need', DEMO.issuer, 'submit', { needId: saved.id });
    const outsider = await world.invoke('need', DEMO.newcomer, 'detail', { needId: saved.id });
    expect(outsider).toEqual({ ok: false, code: 'NOT_FOUND', message: '找不到这条需求，可能已被撤回或删除' });
    expect(
      (await world.expectOk('need', DEMO.newcomer, 'board', { keyword: '', cursor: null })).items.map((item) => item.id),
    ).not.toContain(saved.id);
    expect(await world.expectOk('need', DEMO.organizer, 'detail', { needId: saved.id })).toMatchObject({
      visibility: 'organizers',
      viewer: { isCadre: true },
    });
    expect(await world.invoke('need', DEMO.newcomer, 'detail', { needId: 'need-nonexistent' })).toEqual(outsider);
  });

  it('tells a second contact of an edit to a submitted need, which becomes a step', async () => {
    const world = await makeWorld();
    const { code } = await enterpriseCode(world, '省汽车电子集团');
    await world.expectOk('need', DEMO.newcomer, 'redeemCode', { code });
    const edited = await world.expectOk('need', DEMO.issuer, 'save', {
      ...draftOf(DEMO.enterprise, 'need-test-0005'),
      needId: DEMO.needOpen,
      title: '动力电池 SOC 估算精度提升（低温）',
    });
    expect(edited.steps.at(-1)).toMatchObject({ kind: 'edited', byName: '钱工' });
    expect((await inbox(world, DEMO.newcomer))[0]).toMatchObject({
      title: '需求「动力电池 SOC 估算精度提升（低温）」有新进展',
      body: '企业修改了需求内容',
    });
    // The one who edited is not told of their own edit.
    expect((await inbox(world, DEMO.issuer)).some((item) => item.body === '企业修改了需求内容')).toBe(false);
    // The same save again changes nothing and adds no step.
    const again = await world.expectOk('need', DEMO.issuer, 'save', {
      ...draftOf(DEMO.enterprise, 'need-test-0005'),
      needId: DEMO.needOpen,
      title: '动力电池 SOC 估算精度提升（低温）',
    });
    expect(again.steps).toHaveLength(edited.steps.length);
    // The second contact sees it in their own list.
    expect((await world.expectOk('need', DEMO.newcomer, 'mine', {})).map((card) => card.id)).toContain(DEMO.needOpen);
  });

  it('refuses edits once taken and edits of another enterprise’s need', async () => {
    const world = await makeWorld();
    await world.db
      .collection('needs')
      .doc(DEMO.needOpen)
      .update({ data: { status: 'taken', ownerId: DEMO.organizer } });
    expect(
      await world.invoke('need', DEMO.issuer, 'save', { ...draftOf(DEMO.enterprise, 'need-test-0006'), needId: DEMO.needOpen }),
    ).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
      message: expect.stringContaining('已被接单'),
    });
    const enterpriseId = await newcomerEnterprise(world);
    expect(
      await world.invoke('need', DEMO.newcomer, 'save', { ...draftOf(enterpriseId, 'need-test-0007'), needId: DEMO.needDraft }),
    ).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
    });
  });

  it('withdraws with a reason, keeping the record, and tells the cadre who took it', async () => {
    const world = await makeWorld();
    await world.db
      .collection('needs')
      .doc(DEMO.needOpen)
      .update({ data: { status: 'taken', ownerId: DEMO.organizer, takenAt: world.clock.now } });
    const withdrawn = await world.expectOk('need', DEMO.issuer, 'withdraw', { needId: DEMO.needOpen, reason: '需求已由内部解决' });
    expect(withdrawn).toMatchObject({
      status: 'withdrawn',
      withdrawn: { reason: '需求已由内部解决' },
      viewer: { canWithdraw: false, canMessage: false },
    });
    const stored = await doc<Need>(world, 'needs', DEMO.needOpen);
    expect(stored).toMatchObject({
      status: 'withdrawn',
      ownerId: DEMO.organizer,
      withdrawn: { by: DEMO.issuer, reason: '需求已由内部解决' },
    });
    expect(stored.steps.at(-1)).toMatchObject({ kind: 'withdrawn', note: '企业撤回需求：需求已由内部解决' });
    expect((await inbox(world, DEMO.organizer))[0]).toMatchObject({ body: '企业撤回需求：需求已由内部解决' });
    // Gone from the board and from readers outside; still on the enterprise's list.
    expect(
      (await world.expectOk('need', DEMO.newcomer, 'board', { keyword: '', cursor: null })).items.map((item) => item.id),
    ).not.toContain(DEMO.needOpen);
    expect(await world.invoke('need', DEMO.newcomer, 'detail', { needId: DEMO.needOpen })).toMatchObject({ ok: false, code: 'NOT_FOUND' });
    expect((await world.expectOk('need', DEMO.issuer, 'mine', {})).find((card) => card.id === DEMO.needOpen)).toMatchObject({
      status: 'withdrawn',
      ownerName: '王敏',
    });
    // A need that reached an outcome can no longer be withdrawn.
    expect(await world.invoke('need', DEMO.issuer, 'withdraw', { needId: DEMO.needSolicit, reason: '不再需要' })).toMatchObject({
      ok: false,
      code: 'STATE_CONFLICT',
    });
  });

  it('flags a need whose text needs a person to look', async () => {
    const world = await makeWorld();
    const saved = await world.expectOk(
      'need',
      DEMO.issuer,
      'save',
      draftOf(DEMO.enterprise, 'need-test-0008', { problem: '以下指标为内部资料，数据待核实后补充。' }),
    );
    expect((await doc<Need>(world, 'needs', saved.id)).contentFlag).toBe('review');
  });

  it('lists the enterprise’s needs with who took them and whether the first answer is overdue', async () => {
    const world = await makeWorld();
    await world.db
      .collection('needs')
      .doc(DEMO.needOpen)
      .update({
        data: {
          status: 'taken',
          ownerId: DEMO.organizer,
          takenAt: world.clock.now,
          respondBy: world.clock.now + DAY_MS,
          respondedAt: null,
        },
      });
    const before = await world.expectOk('need', DEMO.issuer, 'mine', {});
    expect(before.map((card) => card.id).sort()).toEqual([DEMO.needDraft, DEMO.needOpen, DEMO.needSolicit].sort());
    expect(before.find((card) => card.id === DEMO.needOpen)).toMatchObject({ ownerName: '王敏', responseOverdue: false });
    world.clock.now += 2 * DAY_MS;
    expect((await world.expectOk('need', DEMO.issuer, 'mine', {})).find((card) => card.id === DEMO.needOpen)?.responseOverdue).toBe(true);
    expect(await world.expectOk('need', DEMO.newcomer, 'mine', {})).toEqual([]);
  });
});

describe('indexes', () => {
  it('serves the board’s search and next page (the scenarios in index-coverage ask for neither)', async () => {
    const world = await makeWorld();
    const log = startQueryLog();
    try {
      await labelQueries('need.board（搜索，下一页）', () =>
        world.expectOk('need', DEMO.newcomer, 'board', { keyword: '电池', cursor: encodeCursor(world.clock.now, 'zzzzzzzz') }),
      );
    } finally {
      stopQueryLog();
    }
    const needs = log.filter((query) => query.call && query.collection === 'needs');
    expect(needs).toHaveLength(1);
    expect(verdict(needs[0])).toMatchObject({ served: true, indexes: [{ fields: ['visibility', 'status', '-submittedAt', '-_id'] }] });
  });
});

describe('who an enterprise’s contacts are', () => {
  it('matches the role and the enterprise in the same grant, not across a user’s grants', async () => {
    const world = await makeWorld();
    // Enterprise contact of another enterprise, and something else scoped to this one's id: not its contact.
    await world.db
      .collection('users')
      .doc('user-two-grants')
      .set({
        data: {
          nickname: '赵工',
          avatar: '',
          realName: '赵工',
          unitName: '另一家公司',
          phone: '',
          roles: [
            { role: 'enterprise', scopeId: 'ent-elsewhere' },
            { role: 'cadre', scopeId: DEMO.enterprise },
          ],
          createdAt: 0,
          updatedAt: 0,
        },
      });
    expect(await enterpriseContactsOf(world.db, DEMO.enterprise)).toEqual([DEMO.issuer]);
  });
});
