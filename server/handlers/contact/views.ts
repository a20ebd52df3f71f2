/** Contact records and opinions as the pages show them: names instead of ids, opinions under their record. */
import type { ContactRecord, Opinion, User } from '../../../core/types';
import type { ContactRecordView, OpinionView } from '../../../core/views';
import { displayName } from '../../runtime/users';

export type People = Map<string, Pick<User, 'realName' | 'nickname'> & Partial<Pick<User, 'hidden'>>>;

const nameIn = (people: People, id: string | null) => (id ? displayName(people.get(id)) : '');

/** Everyone a view of these records and opinions names. */
export function peopleOf(records: ContactRecord[], opinions: Opinion[]): string[] {
  return [
    ...records.map((record) => record.createdBy),
    ...opinions.flatMap((opinion) => [...(opinion.ownerId ? [opinion.ownerId] : []), ...opinion.history.map((step) => step.by)]),
  ];
}

export function opinionView(opinion: Opinion, people: People): OpinionView {
  return {
    id: opinion._id,
    text: opinion.text,
    state: opinion.state,
    reply: opinion.reply,
    ownerId: opinion.ownerId,
    ownerName: nameIn(people, opinion.ownerId),
    updatedAt: opinion.updatedAt,
    history: opinion.history.map((step) => ({ state: step.state, at: step.at, byName: nameIn(people, step.by), reply: step.reply })),
  };
}

/** Opinion ids follow their record's, in the order they were written. */
export const opinionIdOf = (recordId: string, at: number) => `${recordId}-${at + 1}`;

export function recordView(
  record: ContactRecord,
  opinions: Opinion[],
  people: People,
  about: { teamName: string; orgName: string; canFollowUp: boolean },
): ContactRecordView {
  return {
    id: record._id,
    teamId: record.teamId,
    teamName: about.teamName,
    orgId: record.orgId,
    orgName: about.orgName,
    cycle: record.cycle,
    kind: record.kind,
    day: record.day,
    participants: record.participants,
    notes: record.notes,
    byName: nameIn(people, record.createdBy),
    createdAt: record.createdAt,
    opinions: opinions
      .filter((opinion) => opinion.recordId === record._id)
      .sort((a, b) => a.createdAt - b.createdAt || a._id.localeCompare(b._id, 'en', { numeric: true }))
      .map((opinion) => opinionView(opinion, people)),
    canFollowUp: about.canFollowUp,
  };
}
