import cloud from 'wx-server-sdk';
import { userHandlers } from '../../server/handlers/user';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('user', userHandlers);
export const main = createMain(cloud, run);
