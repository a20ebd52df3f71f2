import cloud from 'wx-server-sdk';
import { adminHandlers } from '../../server/handlers/admin';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('admin', adminHandlers);
export const main = createMain(cloud, run);
