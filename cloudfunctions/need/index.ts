import cloud from 'wx-server-sdk';
import { needHandlers } from '../../server/handlers/need';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('need', needHandlers);
export const main = createMain(cloud, run);
