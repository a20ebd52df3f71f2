import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import devConfig from './dev';
import prodConfig from './prod';

// BENCH_BASELINE builds an empty Taro React app with this same config, as the bench's yardstick.
const baseline = process.env.BENCH_BASELINE === '1';
const isH5 = process.env.TARO_ENV === 'h5';
// core/ lives beside src/ and is shared with the cloud functions; Taro must compile it too.
const shared = { include: [path.resolve(__dirname, '..', 'core')] };
// Taro transpiles only packages with "taro" in their path. These ship ES2015+ (let, ?., ??) and must be
// brought down to ES5 like the rest, or old WeChat clients get a blank app. The weapp tier parses
// every output file as ES5 and names the one that slips through (docs/weapp.md).
const modernPackages = ['valibot', 'zustand'].map((name) => path.resolve(__dirname, '..', 'node_modules', name));

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'kechuang-tujidui',
    date: '2026-11-22',
    designWidth: 375,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: baseline ? 'bench/baseline-src' : 'src',
    outputRoot: baseline ? 'bench/results/baseline-dist' : isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    alias: {
      '@': path.resolve(__dirname, '..', 'src'),
      '@core': path.resolve(__dirname, '..', 'core'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // Without .env.production the id stays empty and wx.cloud.init uses the default environment; a
    // release build refuses to start without it (scripts/check-release.mjs). Never a bare process.env at run time.
    env: { TARO_APP_CLOUD_ENV: JSON.stringify('') },
    mini: {
      compile: { include: [...shared.include, ...modernPackages] },
      // Page styles are split per subpackage; their order across chunks does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      optimizeMainPackage: { enable: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile: shared,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };
  return merge({}, baseConfig, process.env.NODE_ENV === 'development' ? devConfig : prodConfig);
});
