/**
 * The demo world's 企业点单 → 成果转化 line: 省汽车电子集团 (contact 钱工) has a need waiting to be
 * taken, a draft, and a need already turned into a 征榜 draft that 何教授 reviews; team A recorded a
 * transfer of its confirmed patent that the enterprise has not yet confirmed, and the enterprise
 * expressed interest in that patent.
 */
import { DAY_MS, shanghaiDay, shanghaiDayEnd } from '../core/time';
import type { Challenge, Enterprise, Interest, Need, RoleCode, Transfer, TransferContract } from '../core/types';
import { contractMarkerId } from '../server/handlers/transfer/parties';
import { hashOrgCode } from '../server/runtime/org-code';
import { DEMO } from './demo-ids';
import { challenge } from './seed-board';

const PROVINCE = 'org-league-prov';
const dayEnd = (ms: number) => shanghaiDayEnd(shanghaiDay(ms));

function need(fields: Partial<Need> & Pick<Need, '_id' | 'title' | 'status' | 'createdAt'>): Need {
  return {
    enterpriseId: DEMO.enterprise,
    enterpriseName: '省汽车电子集团',
    leagueOrgId: PROVINCE,
    authorId: DEMO.issuer,
    requestId: `seed-${fields._id}`,
    field: '新能源',
    problem: '',
    targets: '',
    timeline: '12 个月',
    budget: '50–100万元',
    visibility: 'public',
    contactName: '钱工',
    contactPhone: '13800000009',
    ownerId: null,
    takenAt: null,
    respondBy: null,
    respondedAt: null,
    outcome: null,
    steps: [{ at: fields.createdAt, by: DEMO.issuer, kind: 'created', note: '企业创建需求' }],
    updatedAt: fields.createdAt,
    submittedAt: fields.status === 'draft' ? null : fields.createdAt,
    withdrawn: null,
    ...fields,
  };
}

export function demoNeeds(now: number): {
  enterprises: Enterprise[];
  needs: Need[];
  challenges: Challenge[];
  transfers: Transfer[];
  roleCodes: RoleCode[];
  transferContracts: TransferContract[];
  interests: Interest[];
} {
  const enterprise: Enterprise = {
    _id: DEMO.enterprise,
    name: '省汽车电子集团',
    leagueOrgId: PROVINCE,
    status: 'active',
    applicantId: null,
    createdBy: DEMO.organizer,
    createdAt: now - 60 * DAY_MS,
    decided: null,
  };
  const open = need({
    _id: DEMO.needOpen,
    title: '动力电池管理系统 SOC 估算精度提升',
    status: 'submitted',
    problem: '现有 BMS 在低温工况下 SOC 估算误差超过 5%，影响续航显示和热管理策略。',
    targets: 'SOC 估算误差 ≤ 2%（-20℃ 至 45℃ 全工况）',
    createdAt: now - 2 * DAY_MS,
    steps: [
      { at: now - 2 * DAY_MS, by: DEMO.issuer, kind: 'created', note: '企业创建需求' },
      { at: now - 2 * DAY_MS, by: DEMO.issuer, kind: 'submitted', note: '企业提交需求，等待团组织接单' },
    ],
  });
  const draft = need({
    _id: DEMO.needDraft,
    title: '车载毫米波雷达抗干扰算法',
    status: 'draft',
    field: '新一代信息技术',
    visibility: 'organizers',
    problem: '多车同频时毫米波雷达虚警率升高，需要抗干扰算法。',
    targets: '同频干扰下虚警率 ≤ 0.1%',
    createdAt: now - DAY_MS,
  });
  const solicitedAt = now - 6 * DAY_MS;
  const solicited = need({
    _id: DEMO.needSolicit,
    title: '车载激光雷达点云实时分割',
    status: 'challenge',
    field: '人工智能',
    problem: '激光雷达点云分割在车规级芯片上达不到 10 Hz 实时要求。',
    targets: '车规级芯片上分割帧率 ≥ 10 Hz，mIoU ≥ 75%',
    createdAt: now - 12 * DAY_MS,
    ownerId: DEMO.organizer,
    takenAt: now - 10 * DAY_MS,
    respondBy: now - 7 * DAY_MS,
    respondedAt: now - 9 * DAY_MS,
    outcome: {
      kind: 'challenge',
      reason: '需求明确、指标可衡量，适合以揭榜挂帅方式征集团队。',
      by: DEMO.organizer,
      at: solicitedAt,
      challengeId: DEMO.challengeSolicit,
      teamIds: [],
      mergedInto: null,
    },
    steps: [
      { at: now - 12 * DAY_MS, by: DEMO.issuer, kind: 'created', note: '企业创建需求' },
      { at: now - 12 * DAY_MS, by: DEMO.issuer, kind: 'submitted', note: '企业提交需求，等待团组织接单' },
      { at: now - 10 * DAY_MS, by: DEMO.organizer, kind: 'taken', note: '王敏接单' },
      { at: now - 9 * DAY_MS, by: DEMO.organizer, kind: 'responded', note: '接单干部首次回复' },
      {
        at: solicitedAt,
        by: DEMO.organizer,
        kind: 'outcome',
        note: '转为榜单（征榜）：需求明确、指标可衡量，适合以揭榜挂帅方式征集团队。',
      },
    ],
  });
  const solicitDraft = challenge({
    _id: DEMO.challengeSolicit,
    title: '车载激光雷达点云实时分割',
    field: '人工智能',
    status: 'draft',
    background: solicited.problem,
    targets: [{ indicator: '分割帧率', value: '≥ 10', unit: 'Hz' }],
    deliverables: '分割算法及车规级芯片部署包、测试报告。',
    claimDeadline: dayEnd(now + 40 * DAY_MS),
    deliveryDeadline: dayEnd(now + 360 * DAY_MS),
    publishedAt: null,
    createdAt: solicitedAt,
    solicit: {
      needId: DEMO.needSolicit,
      enterpriseId: DEMO.enterprise,
      commitments: {
        resources: '提供 2 台测试车辆和 200 小时标注点云数据。',
        reward: '验收通过后签订 80 万元技术开发合同。',
        acceptance: '在企业测试场实车测试，由企业与专家共同验收。',
        by: DEMO.organizer,
        at: solicitedAt,
      },
      commitmentsConfirmed: null,
      experts: [{ slot: 0, name: '何教授', userId: DEMO.expert, verdict: 'pending', comment: '', at: null }],
    },
    expertIds: [DEMO.expert],
  });
  const transfer: Transfer = {
    _id: DEMO.transfer,
    teamId: DEMO.teamA,
    teamName: '车规级芯片青年突击队',
    leagueOrgId: 'org-league-hx',
    achievementId: DEMO.achievementPatent,
    challengeId: null,
    needId: null,
    enterpriseId: DEMO.enterprise,
    kind: 'license',
    contractNo: '2026-3301-0042',
    transferor: '华芯微电子有限公司',
    transferee: '省汽车电子集团',
    amount: 1_200_000,
    signedOn: shanghaiDay(now - 3 * DAY_MS),
    status: 'pending',
    confirmCode: DEMO.transferCode,
    confirmCodeExpiresAt: now + 87 * DAY_MS,
    confirmerId: null,
    decision: null,
    createdBy: DEMO.leaderA,
    requestId: 'seed-transfer-patent',
    createdAt: now - 3 * DAY_MS,
    updatedAt: now - 3 * DAY_MS,
  };
  const transferCode: RoleCode = {
    _id: hashOrgCode(DEMO.transferCode),
    kind: 'transfer',
    scopeId: DEMO.transfer,
    orgId: 'org-league-hx',
    teamId: DEMO.teamA,
    label: '成果转化确认：2026-3301-0042',
    issuedBy: DEMO.leaderA,
    issuedAt: now - 3 * DAY_MS,
    expiresAt: now + 87 * DAY_MS,
    usedBy: null,
    usedAt: null,
  };
  const interest: Interest = {
    _id: DEMO.interest,
    achievementId: DEMO.achievementPatent,
    achievementTitle: '',
    teamId: DEMO.teamA,
    leagueOrgId: 'org-league-hx',
    enterpriseId: DEMO.enterprise,
    enterpriseName: '省汽车电子集团',
    authorId: DEMO.issuer,
    message: '希望了解该专利在车身控制器上的授权许可条件。',
    status: 'new',
    createdAt: now - DAY_MS,
    forwarded: null,
  };
  return {
    enterprises: [enterprise],
    needs: [open, draft, solicited],
    challenges: [solicitDraft],
    transfers: [transfer],
    roleCodes: [transferCode],
    transferContracts: [
      { _id: contractMarkerId(DEMO.teamA, transfer.contractNo), transferId: transfer._id, teamId: DEMO.teamA, at: transfer.createdAt },
    ],
    interests: [interest],
  };
}
