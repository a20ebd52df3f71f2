import cloud from 'wx-server-sdk';
import { cockpitHandlers } from '../../server/handlers/cockpit';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('cockpit', cockpitHandlers);
export const main = createMain(cloud, run);
