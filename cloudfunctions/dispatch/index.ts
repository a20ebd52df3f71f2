import cloud from 'wx-server-sdk';
import { dispatchHandlers } from '../../server/handlers/dispatch';
import { createFunction, createMain } from '../../server/runtime/function';

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });

export const run = createFunction('dispatch', dispatchHandlers);
/** Invoked by the timer trigger in config.json; a timer event runs the `run` action. */
export const main = createMain(cloud, run, { timerAction: 'run' });
