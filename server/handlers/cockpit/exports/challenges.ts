/** 榜单与揭榜结果: one row per claim, a challenge without claims on a row of its own; failure and 止步 are outcomes. */
import {
  CHALLENGE_MACHINE,
  CHALLENGE_STATUS_LABELS,
  CLAIM_STATUS_LABELS,
  MODE_LABELS,
  stageOf,
  stageTitlesOf,
  type ChallengeStatus,
} from '../../../../core/challenge-rules';
import type { Challenge, Claim } from '../../../../core/types';
import { orgName } from '../../../runtime/orgs';
import { idGroups, readSorted, requireWithinCap } from './read';
import type { ExportBuilder, ExportScope } from './scope';
import { dayOf, moment, type Cell, type SheetSpec } from './sheet';

const STATUSES = Object.keys(CHALLENGE_MACHINE) as ChallengeStatus[];
const TOO_MANY = '请选择下级组织分别导出';

function outcomeOf(challenge: Challenge): { result: string; note: string; at: number | null } {
  if (challenge.outcome) {
    const { result, summary, at } = challenge.outcome;
    return { result: result === 'success' ? '成功' : '未成功', note: summary, at };
  }
  if (challenge.cancelled) return { result: '已撤榜', note: challenge.cancelled.reason, at: challenge.cancelled.at };
  return { result: '', note: '', at: null };
}

function challengeCells(scope: ExportScope, challenge: Challenge): Cell[] {
  const outcome = outcomeOf(challenge);
  return [
    challenge.title,
    challenge.field,
    orgName(scope.orgs, challenge.leagueOrgId),
    challenge.issuer.unitName,
    MODE_LABELS[challenge.mode],
    CHALLENGE_STATUS_LABELS[challenge.status],
    stageTitlesOf(challenge.status)[stageOf(challenge, scope.now)],
    dayOf(challenge.publishedAt),
    moment(challenge.claimDeadline),
    moment(challenge.deliveryDeadline),
    outcome.result,
    outcome.note,
    dayOf(outcome.at),
  ];
}

function claimCells(claim: Claim | null): Cell[] {
  if (!claim) return ['（尚无揭榜）', '', null, null, '', null, ''];
  return [
    claim.teamName,
    CLAIM_STATUS_LABELS[claim.status],
    dayOf(claim.appliedAt),
    dayOf(claim.review?.at),
    claim.review?.reason ?? '',
    dayOf(claim.ended?.at),
    claim.ended?.reason ?? '',
  ];
}

function sheetOf(scope: ExportScope, challenges: Challenge[], claims: Claim[]): SheetSpec {
  const byChallenge = new Map<string, Claim[]>();
  for (const claim of claims) byChallenge.set(claim.challengeId, [...(byChallenge.get(claim.challengeId) ?? []), claim]);
  const rows = challenges.flatMap((challenge) => {
    const own = (byChallenge.get(challenge._id) ?? []).sort((a, b) => a.appliedAt - b.appliedAt || a._id.localeCompare(b._id));
    const head = challengeCells(scope, challenge);
    return own.length ? own.map((claim) => [...head, ...claimCells(claim)]) : [[...head, ...claimCells(null)]];
  });
  return {
    name: '榜单与揭榜',
    empty: '该组织及下级组织还没有榜单',
    columns: [
      { header: '榜单', width: 32 },
      { header: '领域', width: 12 },
      { header: '发榜组织', width: 22 },
      { header: '出题单位', width: 22 },
      { header: '模式', width: 10 },
      { header: '榜单状态', width: 10 },
      { header: '所处阶段', width: 10 },
      { header: '发榜日期', width: 12, kind: 'day' },
      { header: '揭榜截止', width: 17, kind: 'moment' },
      { header: '交付截止', width: 17, kind: 'moment' },
      { header: '榜单结果', width: 10 },
      { header: '结果说明', width: 36 },
      { header: '结果日期', width: 12, kind: 'day' },
      { header: '揭榜队伍', width: 30 },
      { header: '揭榜状态', width: 12 },
      { header: '揭榜日期', width: 12, kind: 'day' },
      { header: '评榜日期', width: 12, kind: 'day' },
      { header: '评榜意见', width: 30 },
      { header: '揭榜结束日期', width: 14, kind: 'day' },
      { header: '揭榜结束说明', width: 36 },
    ],
    rows,
  };
}

/** Newest first by when it was published; drafts (never published) by when they were written. */
const newestFirst = (a: Challenge, b: Challenge) =>
  (b.publishedAt ?? b.createdAt) - (a.publishedAt ?? a.createdAt) || a._id.localeCompare(b._id);

export const challengesExport: ExportBuilder = async (ctx, scope) => {
  const _ = ctx.db.command;
  // Every status listed: the board's index (status, claimDeadline, _id) serves the read.
  const challenges = await readSorted(
    ctx.db,
    'challenges',
    { status: _.in(STATUSES), leagueOrgId: _.in(scope.leagueIds) },
    'claimDeadline',
    'asc',
  );
  requireWithinCap(challenges.length, '榜单', TOO_MANY);
  const pages = await Promise.all(
    idGroups(challenges.map((challenge) => challenge._id)).map((ids) =>
      readSorted(ctx.db, 'claims', { challengeId: _.in(ids) }, 'appliedAt', 'asc'),
    ),
  );
  const claims = pages.flat();
  const sheet = sheetOf(scope, challenges.sort(newestFirst), claims);
  requireWithinCap(sheet.rows.length, '榜单与揭榜记录', TOO_MANY);
  return { rows: sheet.rows.length, finish: async () => [sheet] };
};
