import cloud from 'wx-server-sdk';
import { noticeHandlers } from '../../server/handlers/notice';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('notice', noticeHandlers);
export const main = createMain(cloud, run);
