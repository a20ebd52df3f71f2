import cloud from 'wx-server-sdk';
import { eventHandlers } from '../../server/handlers/event';
import { progressHandlers } from '../../server/handlers/progress';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('progress', { ...progressHandlers, ...eventHandlers });
export const main = createMain(cloud, run);
