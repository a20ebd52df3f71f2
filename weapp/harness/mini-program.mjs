/**
 * The compiled mini program (dist/) running as WeChat would run it, minus the phone: Taro's real
 * runtime and page code, templates compiled by WeChat's own wcc and rendered by j-component
 * (miniprogram-simulate), `Page()` mapped onto j-component's `Component()`, and wx.cloud answered
 * by the built cloudfunctions/<fn>/index.js bundles over the local cloud, as one demo user.
 *
 * One process is one app launch for one user (Taro's runtime and the app's stores are singletons).
 */
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import { wxStubs } from './wx-stubs.mjs';
import { PageHandle } from './page.mjs';

export async function launchMiniProgram({ root, openid, dist = path.join(root, 'dist'), demo = true }) {
  const require = createRequire(path.join(root, 'package.json'));
  installDom(require);
  const problems = captureProblems();
  const simulate = require('miniprogram-simulate');
  const jComponentDir = path.dirname(require.resolve('j-component/package.json'));
  const exparser = require(require.resolve('miniprogram-exparser', { paths: [jComponentDir] }));

  const cloud = require(path.join(root, '.build/weapp-cloud.cjs'));
  routeSdkToLocalCloud(cloud.sdk.default ?? cloud.sdk);
  const { db, files, setupCode } = await cloud.startCloud({ demo });
  const user = { openid };
  const calls = [];
  const stubs = wxStubs({ require, root, db, cloud, files, user, calls });
  Object.assign(global.wx, stubs.api);

  const pages = installPageConstructor();
  const loaded = new Map();
  require(path.join(dist, 'app.js'));
  if (!pages.app) throw new Error('dist/app.js did not call App()');
  const launch = { path: 'pages/home/index', query: {}, scene: 1001 };
  pages.app.onLaunch.call(pages.app, launch);
  pages.app.onShow?.call(pages.app, launch);

  return {
    db,
    calls,
    wx: stubs.log,
    problems,
    /** Who the app is signed in as; a flow may change `user.openid` to hand the phone to someone else. */
    user,
    /** The setup code of a launch without the demo world (`demo: false`). */
    setupCode,
    /** Renders one page with its query, as navigating to it would; resolves once its calls settle. */
    async open(route, query = {}) {
      // As in WeChat, the page underneath is hidden when another opens on top of it.
      pages.stack[pages.stack.length - 1]?.onHide?.();
      pages.next = { route, query };
      // Webpack runs a page module once, so its Page() is registered once: later opens render the same definition.
      if (!loaded.has(route)) loaded.set(route, simulate.load(path.join(dist, route), { rootPath: dist, compiler: 'official' }));
      const component = simulate.render(loaded.get(route));
      const parent = document.createElement('div');
      document.body.appendChild(parent);
      component.attach(parent);
      const page = new PageHandle({ component, instance: pages.stack[pages.stack.length - 1], exparser, calls, route, pages });
      await page.settle();
      return page;
    },
  };
}

/** A DOM for j-component to render into; WeChat's app service itself has none (see launch check). */
function installDom(require) {
  const { JSDOM } = require('jsdom');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', {
    pretendToBeVisual: true,
    url: 'https://servicewechat.com/',
  });
  global.window = dom.window;
  global.document = dom.window.document;
  for (const key of [
    'Element',
    'HTMLElement',
    'Node',
    'Event',
    'CustomEvent',
    'MouseEvent',
    'TouchEvent',
    'Text',
    'DocumentFragment',
    'getComputedStyle',
  ]) {
    if (!(key in global)) global[key] = dom.window[key];
  }
}

/** Console errors, unhandled rejections and WXML runtime warnings (e.g. a missing template) are failures. */
function captureProblems() {
  const problems = [];
  const text = (args) => args.map((value) => (value && value.stack) || String(value)).join(' ');
  console.error = (...args) => problems.push(`console.error: ${text(args).slice(0, 800)}`);
  console.warn = (...args) => {
    const line = text(args);
    if (/Template .* not found|WXMLRT|not found/i.test(line)) problems.push(`wxml: ${line.slice(0, 300)}`);
  };
  process.on('unhandledRejection', (error) => problems.push(`unhandledRejection: ${String(error?.stack ?? error).slice(0, 800)}`));
  return problems;
}

/** require('wx-server-sdk') inside the built function bundles answers the local cloud's SDK. */
function routeSdkToLocalCloud(sdk) {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, ...rest) {
    return request === 'wx-server-sdk' ? 'wx-server-sdk:local' : resolve.call(this, request, ...rest);
  };
  Module._cache['wx-server-sdk:local'] = { id: 'wx-server-sdk:local', filename: 'wx-server-sdk:local', loaded: true, exports: sdk };
}

/**
 * j-component renders components, not pages: each `Page(config)` becomes a component whose
 * lifetimes run the page's own onLoad(query) / onShow / onReady, with setData measured on the way.
 */
function installPageConstructor() {
  const pages = { app: null, stack: [], next: null, setDataSizes: [] };
  global.App = (config) => {
    pages.app = config;
  };
  global.getApp = () => pages.app;
  global.getCurrentPages = () => pages.stack;
  global.Page = (config) => {
    const methods = {};
    for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value;
    global.Component({
      data: config.data,
      methods,
      lifetimes: {
        attached() {
          const { route, query } = pages.next;
          const setData = this.setData;
          this.setData = (data, callback) => {
            pages.setDataSizes.push(Buffer.byteLength(JSON.stringify(data)));
            return setData.call(this, data, callback);
          };
          this.route = route;
          this.__route__ = route;
          this.options = query;
          pages.stack.push(this);
          this.onLoad?.(query);
          this.onShow?.();
        },
        ready() {
          this.onReady?.();
        },
      },
    });
  };
  return pages;
}
