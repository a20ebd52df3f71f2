/** A contact record: written with its opinions and the chosen team's counters in one transaction, once per request. */
import { CONTACT_KIND_LABELS } from '../../../core/contact-rules';
import { AppError } from '../../../core/errors';
import { formatDay, shanghaiDay } from '../../../core/time';
import type { ContactRecord, Opinion } from '../../../core/types';
import { findById, txFind, txSet, txUpdate } from '../../db/collections';
import { find } from '../../db/query';
import { audit } from '../../runtime/audit';
import { keyedId } from '../../runtime/keyed-id';
import { usersById } from '../../runtime/lookups';
import { leagueSubtree } from '../../runtime/orgs';
import type { Handler } from '../../runtime/function';
import { contactTeamIdOf, contains, cycleIdOf, requireCycle, requireLeagueOrg } from './cycles';
import { opinionIdOf, peopleOf, recordView } from './views';

/** The same request (retried, or sent twice) names the same record. */
const recordIdOf = (callerId: string, requestId: string) => keyedId('cr-', callerId, requestId);

const NOT_CHOSEN = '该队伍不在本周期的直接联系名单中，请先在台账中选择它';

export const addRecord: Handler<'contact', 'addRecord'> = async ({ ctx, caller, input, org, orgs }) => {
  requireLeagueOrg(org);
  const recordId = recordIdOf(caller._id, input.requestId);
  const opinionIds = input.opinions.map((_, at) => opinionIdOf(recordId, at));
  const [cycle, chosen, team, existing] = await Promise.all([
    findById(ctx.db, 'contactCycles', cycleIdOf(org._id, input.cycle)),
    findById(ctx.db, 'contactTeams', contactTeamIdOf(org._id, input.cycle, input.teamId)),
    findById(ctx.db, 'teams', input.teamId),
    findById(ctx.db, 'contactRecords', recordId),
  ]);
  const about = { teamName: team?.name ?? '', orgName: org.name, canFollowUp: true };
  // A repeat answers what was stored, its opinions as they stand now.
  const stored = async (record: ContactRecord) => {
    if (record.orgId !== org._id || record.cycle !== input.cycle || record.teamId !== input.teamId) {
      throw new AppError('DUPLICATE', '请求编号重复，请重新打开页面后再记录');
    }
    const opinions = await find(ctx.db, 'opinions', { teamId: record.teamId, recordId: record._id });
    return recordView(record, opinions, await usersById(ctx, peopleOf([record], opinions), [caller]), about);
  };
  if (existing) return stored(existing);
  const { startDay, endDay } = requireCycle(cycle, input.cycle);
  if (!team) throw new AppError('NOT_FOUND', '找不到这支突击队，可能已被删除');
  if (!chosen || chosen.droppedAt) throw new AppError('STATE_CONFLICT', NOT_CHOSEN);
  // A team whose org has moved out from under this one is no longer this org's to contact.
  if (!leagueSubtree(orgs, [org._id]).has(team.leagueOrgId)) {
    throw new AppError('STATE_CONFLICT', '该队伍所属的团组织已不在本组织之下，请在台账中将它移出本周期的名单');
  }
  const now = ctx.now();
  if (!contains({ startDay, endDay }, input.day)) {
    throw new AppError('INVALID_INPUT', `日期须在本周期内（${formatDay(startDay)} 至 ${formatDay(endDay)}）`);
  }
  if (input.day > shanghaiDay(now)) throw new AppError('INVALID_INPUT', '日期不能晚于今天，请记录已经进行的联系');
  const record: ContactRecord = {
    _id: recordId,
    orgId: org._id,
    cycle: input.cycle,
    teamId: input.teamId,
    kind: input.kind,
    day: input.day,
    participants: input.participants,
    notes: input.notes,
    createdBy: caller._id,
    createdAt: now,
  };
  const opinions: Opinion[] = input.opinions.map((text, at) => ({
    _id: opinionIds[at],
    recordId,
    orgId: org._id,
    cycle: input.cycle,
    teamId: input.teamId,
    text,
    state: 'open',
    reply: '',
    ownerId: caller._id,
    createdAt: now,
    updatedAt: now,
    history: [{ state: 'open', at: now, by: caller._id, reply: '' }],
  }));
  const written = await ctx.db.runTransaction(async (tx): Promise<boolean> => {
    const [again, current] = await Promise.all([txFind(tx, 'contactRecords', recordId), txFind(tx, 'contactTeams', chosen._id)]);
    if (again) return false;
    if (!current || current.droppedAt) throw new AppError('STATE_CONFLICT', NOT_CHOSEN);
    const lastContactDay = current.lastContactDay && current.lastContactDay > input.day ? current.lastContactDay : input.day;
    await Promise.all([
      txSet(tx, 'contactRecords', record),
      ...opinions.map((opinion) => txSet(tx, 'opinions', opinion)),
      txUpdate(tx, 'contactTeams', current._id, { lastContactDay, records: ctx.db.command.inc(1) }),
      audit(tx, {
        at: now,
        actor: caller._id,
        fn: 'contact',
        action: 'addRecord',
        target: `contactRecords/${recordId}`,
        summary: `「${org.name}」记录对「${team.name}」的${CONTACT_KIND_LABELS[input.kind]}（${formatDay(input.day)}）${
          opinions.length ? `，收集意见建议 ${opinions.length} 条` : ''
        }`,
        orgId: org._id,
        teamId: input.teamId,
      }),
    ]);
    return true;
  });
  if (!written) return stored(record);
  return recordView(record, opinions, new Map([[caller._id, caller]]), about);
};
