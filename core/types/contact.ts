import type { ContactKind, OpinionState } from '../contact-rules';

/** An org's contact cycle: `_id` is `${orgId}_${cycle}`. */
export type ContactCycle = {
  _id: string;
  orgId: string;
  cycle: string;
  startDay: string;
  endDay: string;
  startedBy: string;
  startedAt: number;
};

/** A team an org contacts directly in a cycle: `_id` is `${orgId}_${cycle}_${teamId}`. */
export type ContactTeam = {
  _id: string;
  orgId: string;
  cycle: string;
  teamId: string;
  chosenBy: string;
  chosenAt: number;
  droppedAt: number | null;
  dropReason: string;
  lastContactDay: string | null;
  records: number;
};

export type ContactRecord = {
  _id: string;
  orgId: string;
  cycle: string;
  teamId: string;
  kind: ContactKind;
  day: string;
  participants: string;
  notes: string;
  createdBy: string;
  createdAt: number;
};

export type Opinion = {
  _id: string;
  recordId: string;
  orgId: string;
  cycle: string;
  teamId: string;
  text: string;
  state: OpinionState;
  reply: string;
  ownerId: string | null;
  createdAt: number;
  updatedAt: number;
  history: { state: OpinionState; at: number; by: string; reply: string }[];
};
