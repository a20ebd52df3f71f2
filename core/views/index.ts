/** What actions return: shaped for the screens, never raw documents with other people's data. One file per domain. */
export type * from './user';
export type * from './org';
export type * from './team';
export type * from './message';
export type * from './dispatch';
export type * from './challenge';
export type * from './progress';
export type * from './event';
export type * from './achievement';
export type * from './notice';
export type * from './feedback';
export type * from './report';
export type * from './admin';
export type * from './cockpit';
export type * from './contact';
export type * from './need';
