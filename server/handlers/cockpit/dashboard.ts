/**
 * 数据看板: an org's figures (its whole subtree) and one row per league org directly below it (each
 * its own subtree), summed from the rollups dispatch keeps. After the org tree the access rule
 * read, one round of reads whatever the size: the subtree's rollups by id and the job that says
 * when they were read. Sub-orgs come in tree order (as 组织管理 lists them), never by a figure.
 */
import { AppError } from '../../../core/errors';
import type { Org } from '../../../core/types';
import type { Dashboard } from '../../../core/views';
import { findById } from '../../db/collections';
import { byIds } from '../../db/query';
import type { Handler } from '../../runtime/function';
import { leagueSubtree } from '../../runtime/orgs';
import { monthsUpTo, shownFigures, sumFigures } from './figures';
import { ROLLUP_JOB } from './rollup-job';

/** Children as the org tree lists them: by name, retired ones after the rest. */
function childrenOf(orgs: Org[], parentId: string): Org[] {
  return orgs
    .filter((org) => org.kind === 'league' && org.parentId === parentId)
    .sort((a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)) || a.name.localeCompare(b.name, 'zh-CN'));
}

export const dashboard: Handler<'cockpit', 'dashboard'> = async ({ ctx, org, orgs }) => {
  if (org.kind !== 'league') throw new AppError('INVALID_INPUT', '数据看板按团组织统计，请选择一个团组织');
  const subtree = [...leagueSubtree(orgs, [org._id])];
  const [rollups, job] = await Promise.all([byIds(ctx.db, 'rollups', subtree), findById(ctx.db, 'jobs', ROLLUP_JOB)]);
  const asOf = job?.done ? job.at : null;
  const months = monthsUpTo(asOf ?? ctx.now());
  const byOrg = new Map(rollups.map((rollup) => [rollup.orgId, rollup]));
  const sumOver = (ids: string[]) =>
    shownFigures(
      sumFigures(
        ids.flatMap((id) => {
          const rollup = byOrg.get(id);
          return rollup ? [rollup.figures] : [];
        }),
      ),
      months,
    );
  const subOrgs = childrenOf(orgs, org._id)
    // A retired org shows only while its subtree has figures (its teams and records stay on record).
    .map((child) => ({ child, ids: [...leagueSubtree(orgs, [child._id])] }))
    .filter(({ child, ids }) => !child.retiredAt || ids.some((id) => byOrg.has(id)))
    .map(({ child, ids }) => ({
      orgId: child._id,
      orgName: child.retiredAt ? `${child.name}（已撤销）` : child.name,
      figures: sumOver(ids),
    }));
  const view: Dashboard = { orgId: org._id, orgName: org.name, asOf, figures: sumOver(subtree), subOrgs };
  return view;
};
