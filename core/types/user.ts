import type { HiddenMark } from './report';
/** Roles held by a user, stored in the database. Team roles come from `members`, not from here. */
/** `enterprise`: a contact of the enterprise `scopeId`; `cadre`: takes needs for the league org `scopeId`. */
export type OrgRole = 'organizer' | 'partyContact' | 'enterprise' | 'cadre';
export type RoleGrant = { role: OrgRole; scopeId: string };

export type User = {
  _id: string;
  nickname: string;
  avatar: string;
  realName: string;
  unitName: string;
  phone: string;
  roles: RoleGrant[];
  createdAt: number;
  updatedAt: number;
  /** Set when the user deleted their account: personal fields erased, records kept under 已注销用户. */
  deletedAt?: number;
  /** Hidden by an organizer after a report: kept on record, shown only to its author and organizers. */
  hidden?: HiddenMark | null;
};
