import cloud from 'wx-server-sdk';
import { reportHandlers } from '../../server/handlers/report';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('report', reportHandlers);
export const main = createMain(cloud, run);
