import cloud from 'wx-server-sdk';
import { teamHandlers } from '../../server/handlers/team';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('team', teamHandlers);
export const main = createMain(cloud, run);
