import cloud from 'wx-server-sdk';
import { contactHandlers } from '../../server/handlers/contact';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('contact', contactHandlers);
export const main = createMain(cloud, run);
