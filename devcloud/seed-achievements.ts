/** The demo world's 成果: one submitted by team A waiting for confirmation, two confirmed (one a 典型案例). */
import { DAY_MS } from '../core/time';
import type { Achievement } from '../core/types';
import { DEMO } from './demo-ids';

export const DEMO_ACHIEVEMENTS = {
  pending: DEMO.achievementPending,
  patent: DEMO.achievementPatent,
  paper: DEMO.achievementPaper,
} as const;

type Ids = {
  teamA: string;
  teamB: string;
  leaderA: string;
  memberA: string;
  leaderB: string;
  organizer: string;
  unitOrganizer: string;
  wonClaim: string;
  wonChallenge: string;
};

function achievement(
  fields: Partial<Achievement> &
    Pick<
      Achievement,
      | '_id'
      | 'teamId'
      | 'teamName'
      | 'leagueOrgId'
      | 'field'
      | 'authorId'
      | 'type'
      | 'title'
      | 'summary'
      | 'evidence'
      | 'contributorIds'
      | 'status'
    >,
  at: number,
): Achievement {
  return {
    images: [],
    attachments: [],
    claimId: null,
    challengeId: null,
    contentFlag: null,
    requestId: `seed-${fields._id}`,
    createdAt: at,
    updatedAt: at,
    submittedAt: at,
    confirmation: null,
    confirmedAt: 0,
    returned: null,
    revised: false,
    versions: [],
    featured: false,
    feature: null,
    ...fields,
  };
}

export function demoAchievements(now: number, ids: Ids): Achievement[] {
  const teamA = { teamId: ids.teamA, teamName: '车规级芯片青年突击队', leagueOrgId: 'org-league-hx', field: '集成电路' as const };
  const teamB = { teamId: ids.teamB, teamName: '大模型推理加速青年突击队', leagueOrgId: 'org-league-zs', field: '人工智能' as const };
  const confirmedPatentAt = now - 20 * DAY_MS;
  const confirmedPaperAt = now - 10 * DAY_MS;
  return [
    achievement(
      {
        _id: DEMO_ACHIEVEMENTS.pending,
        ...teamA,
        authorId: ids.leaderA,
        type: 'standard',
        title: '车规级 MCU 功能安全测试方法团体标准',
        summary: '牵头起草车规级 MCU 功能安全测试方法团体标准，已通过专家评审并发布。',
        evidence: { kind: 'standard', ref: 'T/CESA 1288-2026' },
        contributorIds: [ids.leaderA, ids.memberA],
        status: 'submitted',
      },
      now - 2 * DAY_MS,
    ),
    achievement(
      {
        _id: DEMO_ACHIEVEMENTS.patent,
        ...teamA,
        authorId: ids.leaderA,
        type: 'patent',
        title: '一种车规级芯片故障注入验证方法',
        summary: '面向车规级 MCU 的硬件故障注入与自动比对验证方法，已提交发明专利申请并进入实质审查。',
        evidence: { kind: 'patent', ref: 'CN202610123451.7' },
        contributorIds: [ids.leaderA, ids.memberA],
        status: 'confirmed',
        confirmation: { by: ids.organizer, at: confirmedPatentAt },
        confirmedAt: confirmedPatentAt,
        featured: true,
        feature: {
          by: ids.organizer,
          at: confirmedPatentAt + DAY_MS,
          note: '省内首个面向车规 MCU 的故障注入验证方法专利，已在两款量产芯片上使用。',
        },
      },
      confirmedPatentAt - DAY_MS,
    ),
    achievement(
      {
        _id: DEMO_ACHIEVEMENTS.paper,
        ...teamB,
        authorId: ids.leaderB,
        type: 'paper',
        title: '国产算力上的大模型推理算子融合',
        summary: '在国产加速卡上实现注意力算子融合，首字时延降低 38%，论文已在线发表。',
        evidence: { kind: 'doi', ref: '10.1145/3620666.3651324' },
        contributorIds: [ids.leaderB],
        claimId: ids.wonClaim,
        challengeId: ids.wonChallenge,
        status: 'confirmed',
        confirmation: { by: ids.unitOrganizer, at: confirmedPaperAt },
        confirmedAt: confirmedPaperAt,
      },
      confirmedPaperAt - DAY_MS,
    ),
  ];
}
