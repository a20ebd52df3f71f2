import cloud from 'wx-server-sdk';
import { feedbackHandlers } from '../../server/handlers/feedback';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('feedback', feedbackHandlers);
export const main = createMain(cloud, run);
