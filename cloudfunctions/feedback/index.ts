import cloud from 'wx-server-sdk';
import { letterHandlers } from '../../server/handlers/letter';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('feedback', letterHandlers);
export const main = createMain(cloud, run);
