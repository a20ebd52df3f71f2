/** The demo 揭榜挂帅 board: an open race with one claim waiting, a closed challenge won by team B, a draft. */
import { DAY_MS, shanghaiDay, shanghaiDayEnd } from '../core/time';
import type { Challenge, Claim, Milestone } from '../core/types';
import { DEMO } from './demo-ids';

const dayEnd = (ms: number) => shanghaiDayEnd(shanghaiDay(ms));

export function challenge(
  fields: Partial<Challenge> & Pick<Challenge, '_id' | 'title' | 'field' | 'status' | 'claimDeadline' | 'deliveryDeadline' | 'createdAt'>,
): Challenge {
  return {
    leagueOrgId: 'org-league-prov',
    issuer: { unitName: '省汽车电子集团', contactName: '钱工', contactPhone: '13800000009' },
    reviewerId: null,
    reviewerCode: '',
    background: '',
    targets: [],
    deliverables: '',
    mode: 'race',
    maxTeams: 3,
    reward: '',
    claimCount: 0,
    acceptedCount: 0,
    createdBy: DEMO.organizer,
    updatedAt: fields.createdAt,
    publishedAt: fields.createdAt,
    changes: [],
    cancelled: null,
    outcome: null,
    ...fields,
  };
}

export function demoBoard(now: number): { challenges: Challenge[]; claims: Claim[]; milestones: Milestone[] } {
  const race = challenge({
    _id: DEMO.challengeRace,
    title: '车规级 MCU 功能安全验证平台',
    field: '集成电路',
    status: 'open',
    reviewerId: DEMO.issuer,
    reviewerCode: DEMO.reviewerCodeRace,
    background: '整车厂需要一套可复用的车规级 MCU 功能安全（ISO 26262 ASIL-D）验证平台，目前依赖国外工具链，验证周期长。',
    targets: [
      { indicator: '故障注入覆盖率', value: '≥ 99', unit: '%' },
      { indicator: '单颗芯片验证周期', value: '≤ 14', unit: '天' },
      { indicator: '自主可控工具链占比', value: '100', unit: '%' },
    ],
    deliverables: '验证平台软件及源代码、验证报告、在两款量产 MCU 上的应用证明。',
    claimDeadline: dayEnd(now + 20 * DAY_MS),
    deliveryDeadline: dayEnd(now + 200 * DAY_MS),
    reward: '择优给予 50 万元攻关经费支持',
    claimCount: 1,
    createdAt: now - 5 * DAY_MS,
  });
  const done = challenge({
    _id: DEMO.challengeDone,
    title: '国产算力大模型推理时延优化',
    field: '人工智能',
    mode: 'single',
    maxTeams: 1,
    status: 'completed',
    issuer: { unitName: '省政务云中心', contactName: '孙工', contactPhone: '' },
    background: '政务大模型在国产算力上推理时延偏高，影响窗口服务体验。',
    targets: [{ indicator: '首字时延', value: '≤ 500', unit: 'ms' }],
    deliverables: '推理优化方案、压测报告。',
    claimDeadline: dayEnd(now - 100 * DAY_MS),
    deliveryDeadline: dayEnd(now - 20 * DAY_MS),
    claimCount: 1,
    acceptedCount: 1,
    createdAt: now - 130 * DAY_MS,
    outcome: {
      result: 'success',
      by: DEMO.organizer,
      at: now - 15 * DAY_MS,
      summary: '首字时延降至 420 ms，已在政务云上线。',
      winners: [DEMO.teamB],
    },
  });
  const draft = challenge({
    _id: DEMO.challengeDraft,
    title: '12 英寸高纯铜靶材国产化',
    field: '先进材料',
    status: 'draft',
    background: '晶圆厂对高纯铜靶材的进口依赖度高，需要国产替代方案。',
    targets: [{ indicator: '纯度', value: '≥ 6N', unit: '' }],
    deliverables: '样品及第三方检测报告。',
    claimDeadline: dayEnd(now + 30 * DAY_MS),
    deliveryDeadline: dayEnd(now + 300 * DAY_MS),
    publishedAt: null,
    createdAt: now - DAY_MS,
  });

  const appliedB: Claim = {
    _id: `${race._id}_${DEMO.teamB}`,
    challengeId: race._id,
    teamId: DEMO.teamB,
    teamName: '大模型推理加速青年突击队',
    leaderId: DEMO.leaderB,
    requestId: 'seed-claim-race-b',
    plan: {
      approach: '基于开源形式化工具与自研故障注入框架，先在一款 MCU 上打通，再推广到第二款。',
      memberIds: [DEMO.leaderB, DEMO.memberB],
      milestones: [
        { title: '故障注入框架原型', dueAt: dayEnd(now + 60 * DAY_MS), criterion: '在样片上完成 1000 个故障点注入并出具报告' },
        { title: '双芯片验证', dueAt: dayEnd(now + 180 * DAY_MS), criterion: '两款 MCU 验证周期均不超过 14 天' },
      ],
    },
    status: 'applied',
    appliedAt: now - 2 * DAY_MS,
    review: null,
    ended: null,
  };
  const wonB: Claim = {
    _id: `${done._id}_${DEMO.teamB}`,
    challengeId: done._id,
    teamId: DEMO.teamB,
    teamName: '大模型推理加速青年突击队',
    leaderId: DEMO.leaderB,
    requestId: 'seed-claim-done-b',
    plan: {
      approach: '算子融合与 KV 缓存量化。',
      memberIds: [DEMO.leaderB],
      milestones: [{ title: '首字时延达标', dueAt: dayEnd(now - 25 * DAY_MS), criterion: '压测首字时延 ≤ 500 ms' }],
    },
    status: 'won',
    appliedAt: now - 110 * DAY_MS,
    review: { by: DEMO.organizer, at: now - 98 * DAY_MS, reason: '' },
    ended: { by: DEMO.organizer, at: now - 15 * DAY_MS, reason: '首字时延降至 420 ms，已在政务云上线。' },
  };
  const passed: Milestone = {
    _id: `${wonB._id}_1`,
    claimId: wonB._id,
    challengeId: done._id,
    teamId: DEMO.teamB,
    index: 1,
    ...wonB.plan.milestones[0],
    status: 'passed',
    evidence: { summary: '完成算子融合，首字时延 420 ms。', reference: '压测报告 ZS-2026-031', by: DEMO.leaderB, at: now - 27 * DAY_MS },
    review: { by: DEMO.organizer, at: now - 26 * DAY_MS, reason: '报告数据可复现' },
    reminded: [3, 1],
  };
  return { challenges: [race, done, draft], claims: [appliedB, wonB], milestones: [passed] };
}
