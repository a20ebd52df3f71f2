/**
 * What a transfer may be based on (§4: after a challenge is won or an achievement confirmed): the
 * team's confirmed, visible achievements and the challenges its claim won or completed.
 */
import { AppError } from '../../../core/errors';
import type { ClaimStatus } from '../../../core/challenge-rules';
import type { ActionParsed } from '../../../core/api';
import type { Enterprise } from '../../../core/types';
import type { BasisOption } from '../../../core/views';
import { findById } from '../../db/collections';
import { fieldsByIds, findFields } from '../../db/query';
import type { Ctx } from '../../runtime/context';
import type { Handler } from '../../runtime/function';
import { enterpriseContactsOf } from '../../runtime/need-steps';
import { sameEnterpriseName } from './parties';

/** Claim statuses after which the team may record a transfer of the challenge's result. */
const SUCCEEDED: ClaimStatus[] = ['won', 'completed'];

export const basisOptions: Handler<'transfer', 'basisOptions'> = async ({ ctx, team }) => {
  const [achievements, claims] = await Promise.all([
    findFields(ctx.db, 'achievements', { teamId: team._id, status: 'confirmed' }, ['title', 'confirmedAt', 'hidden']),
    findFields(ctx.db, 'claims', { teamId: team._id, status: ctx.db.command.in(SUCCEEDED) }, ['challengeId', 'appliedAt']),
  ]);
  const challenges = await fieldsByIds(
    ctx.db,
    'challenges',
    claims.map((claim) => claim.challengeId),
    ['title'],
  );
  const titles = new Map(challenges.map((challenge) => [challenge._id, challenge.title]));
  return [
    ...achievements
      .filter((achievement) => !achievement.hidden)
      .sort((a, b) => b.confirmedAt - a.confirmedAt)
      .map((achievement): BasisOption => ({ kind: 'achievement', id: achievement._id, title: achievement.title })),
    ...claims
      .filter((claim) => titles.has(claim.challengeId))
      .sort((a, b) => b.appliedAt - a.appliedAt)
      .map((claim): BasisOption => ({ kind: 'challenge', id: claim.challengeId, title: titles.get(claim.challengeId) ?? '' })),
  ];
};

/** A checked basis, with the challenge it leads to and, for a need-born one whose enterprise is the transferee, the need and that enterprise. */
export type Basis = {
  achievementId: string | null;
  achievementTitle: string;
  challengeId: string | null;
  challengeTitle: string;
  needId: string | null;
  enterpriseId: string | null;
  /** The enterprise's contacts, to tell them a transfer waits for their confirmation. */
  contacts: string[];
};

const NOT_OURS = '只能为本队已确认的成果或揭榜成功的榜单登记成果转化';

/** The need's enterprise and its contacts, as read beside the rest of the basis. */
type NeedSide = { needId: string | null; enterpriseId: string | null; enterprise: Pick<Enterprise, 'name'> | null; contacts: string[] };

/**
 * The need and its enterprise stay on the transfer only when that enterprise signed the contract:
 * its contacts confirm without a code. A contract with anyone else is confirmed by code (bind.ts).
 */
function forTransferee(side: NeedSide, transferee: string): Pick<Basis, 'needId' | 'enterpriseId' | 'contacts'> {
  if (!side.enterpriseId || !side.enterprise || !sameEnterpriseName(side.enterprise.name, transferee)) {
    return { needId: null, enterpriseId: null, contacts: [] };
  }
  return { needId: side.needId, enterpriseId: side.enterpriseId, contacts: side.contacts };
}

/** The enterprise's name and contacts, read together. */
async function readEnterprise(ctx: Ctx, enterpriseId: string | null) {
  if (!enterpriseId) return { enterprise: null, contacts: [] };
  const [enterprises, contacts] = await Promise.all([
    fieldsByIds(ctx.db, 'enterprises', [enterpriseId], ['name']),
    enterpriseContactsOf(ctx.db, enterpriseId),
  ]);
  return { enterprise: enterprises[0] ?? null, contacts };
}

/**
 * Checks the basis the leader chose against the database and follows it to its challenge and, for a
 * need-born one, its enterprise (name and contacts). An achievement carries its claim's need and
 * enterprise, so its challenge (for the title) and the enterprise are read together: two rounds either way.
 */
export async function readBasis(
  ctx: Ctx,
  teamId: string,
  input: Pick<ActionParsed<'transfer', 'create'>, 'basis' | 'transferee'>,
): Promise<Basis> {
  const { basis, transferee } = input;
  if (basis.kind === 'achievement') {
    const achievement = await findById(ctx.db, 'achievements', basis.id);
    if (!achievement || achievement.teamId !== teamId) throw new AppError('NOT_FOUND', NOT_OURS);
    if (achievement.status !== 'confirmed')
      throw new AppError('STATE_CONFLICT', '这项成果尚未确认：成果经队伍之外的人确认后才能登记成果转化');
    if (achievement.hidden) throw new AppError('STATE_CONFLICT', '这项成果已被隐藏，不能登记成果转化');
    const enterpriseId = achievement.enterpriseId ?? null;
    const [challenge, side] = await Promise.all([
      achievement.challengeId ? findFields(ctx.db, 'challenges', { _id: achievement.challengeId }, ['title']) : [],
      readEnterprise(ctx, enterpriseId),
    ]);
    return {
      achievementId: achievement._id,
      achievementTitle: achievement.title,
      challengeId: challenge[0]?._id ?? null,
      challengeTitle: challenge[0]?.title ?? '',
      ...forTransferee({ needId: achievement.needId ?? null, enterpriseId, ...side }, transferee),
    };
  }
  const [challenge, claim] = await Promise.all([
    findById(ctx.db, 'challenges', basis.id),
    findById(ctx.db, 'claims', `${basis.id}_${teamId}`),
  ]);
  if (!challenge || !claim) throw new AppError('NOT_FOUND', NOT_OURS);
  if (!SUCCEEDED.includes(claim.status)) throw new AppError('STATE_CONFLICT', '只有揭榜成功或已完成的榜单可以登记成果转化');
  const enterpriseId = challenge.solicit?.enterpriseId ?? null;
  const side = await readEnterprise(ctx, enterpriseId);
  return {
    achievementId: null,
    achievementTitle: '',
    challengeId: challenge._id,
    challengeTitle: challenge.title,
    ...forTransferee({ needId: challenge.solicit?.needId ?? null, enterpriseId, ...side }, transferee),
  };
}
