import type { Database } from '../db/types';
import type { OpenApi, Storage } from './sdk';
import type { User } from '../../core/types';

/** What every handler receives. `openid` comes from the platform (getWXContext), never the request. */
export type Ctx = {
  db: Database;
  openid: string;
  openapi: OpenApi;
  storage: Storage;
  now: () => number;
};

export type CallerCtx = Ctx & { caller: User };
