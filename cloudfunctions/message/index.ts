import cloud from 'wx-server-sdk';
import { messageHandlers } from '../../server/handlers/message';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('message', messageHandlers);
export const main = createMain(cloud, run);
