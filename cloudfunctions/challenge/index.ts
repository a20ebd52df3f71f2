import cloud from 'wx-server-sdk';
import { challengeHandlers } from '../../server/handlers/challenge';
import { claimHandlers } from '../../server/handlers/challenge/claim';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('challenge', { ...challengeHandlers, ...claimHandlers });
export const main = createMain(cloud, run);
