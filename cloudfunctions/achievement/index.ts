import cloud from 'wx-server-sdk';
import { achievementHandlers } from '../../server/handlers/achievement';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('achievement', achievementHandlers);
/** Also the target of WeChat's message push for wxa_media_check (see docs/deploy.md). */
export const main = createMain(cloud, run, { mediaCheckAction: 'mediaVerdict' });
