import cloud from 'wx-server-sdk';
import { transferHandlers } from '../../server/handlers/transfer';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('transfer', transferHandlers);
export const main = createMain(cloud, run);
