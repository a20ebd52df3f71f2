/**
 * dist/app.js run the way WeChat's app service runs it: a fresh V8 context with `wx`, `App`,
 * `Page`, `Component` and timers, and no `process`, `window`, `document` or `require` of Node's.
 * onLaunch and onShow must not throw, synchronously or later, and must initialise the cloud.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export async function launchWithoutNode(root, dist) {
  // The names of WeChat's APIs, as miniprogram-simulate lists them: Taro wraps the ones wx has.
  const apiNames = Object.keys(createRequire(path.join(root, 'package.json'))('miniprogram-simulate/src/api'));
  const thrown = [];
  const cloudInit = [];
  const noop = () => {};
  const known = {
    ...Object.fromEntries(apiNames.map((name) => [name, noop])),
    cloud: { init: (options) => cloudInit.push(options ?? {}), callFunction: () => new Promise(noop) },
    getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2, platform: 'ios', SDKVersion: '3.5.0' }),
    getWindowInfo: () => ({ windowWidth: 375, windowHeight: 812, pixelRatio: 2 }),
    getAppBaseInfo: () => ({ SDKVersion: '3.5.0' }),
    getDeviceInfo: () => ({ platform: 'ios' }),
    getStorageSync: () => '',
  };
  // Every other wx API exists and does nothing, as a WeChat that never answers would. Webpack keeps
  // its chunk registry on wx (wx.webpackJsonp); that is the app's own property, not an API.
  const isApi = (key) => typeof key === 'string' && /^[a-z]/.test(key) && !key.startsWith('webpack');
  const wx = new Proxy(known, {
    get: (target, key) => (key in target ? target[key] : isApi(key) ? noop : undefined),
    has: (target, key) => key in target || isApi(key),
  });
  let app = null;
  const context = vm.createContext({
    wx,
    App: (config) => {
      app = config;
    },
    Page: noop,
    Component: noop,
    Behavior: noop,
    getApp: () => app,
    getCurrentPages: () => [],
    setTimeout,
    clearTimeout,
    setInterval,
    clearInterval,
    Promise,
    console: {
      log: noop,
      info: noop,
      debug: noop,
      warn: noop,
      error: (...args) => thrown.push(`console.error: ${args.map(String).join(' ')}`),
    },
  });
  const leaked = ['process', 'window', 'document', 'require', 'global'].filter(
    (name) => vm.runInContext(`typeof ${name}`, context) !== 'undefined',
  );
  if (leaked.length) throw new Error(`启动环境不应有 ${leaked.join('、')}`);

  const modules = new Map();
  const load = (file) => {
    if (modules.has(file)) return modules.get(file).exports;
    const module = { exports: {} };
    modules.set(file, module);
    const wrapper = vm.runInContext(`(function (module, exports, require) {${readFileSync(file, 'utf8')}\n})`, context, { filename: file });
    wrapper(module, module.exports, (request) =>
      load(path.resolve(path.dirname(file), request.endsWith('.js') ? request : `${request}.js`)),
    );
    return module.exports;
  };
  const onAsyncError = (error) =>
    thrown.push(
      `异步：${String(error?.stack ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | ')}`,
    );
  process.on('uncaughtException', onAsyncError);
  process.on('unhandledRejection', onAsyncError);
  try {
    load(path.join(dist, 'app.js'));
    if (!app) throw new Error('app.js 没有调用 App()');
    const options = { path: 'pages/home/index', query: {}, scene: 1001 };
    app.onLaunch?.call(app, options);
    app.onShow?.call(app, options);
    await new Promise((resolve) => setTimeout(resolve, 300));
  } catch (error) {
    thrown.push(
      String(error?.stack ?? error)
        .split('\n')
        .slice(0, 3)
        .join(' | '),
    );
  } finally {
    process.off('uncaughtException', onAsyncError);
    process.off('unhandledRejection', onAsyncError);
  }
  if (thrown.length) throw new Error(`启动失败：\n${thrown.join('\n')}`);
  if (!cloudInit.length) throw new Error('启动时没有调用 wx.cloud.init');
  return { cloudInit: cloudInit[0] };
}
