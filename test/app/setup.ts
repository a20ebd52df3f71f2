// Globals that Taro's build normally injects.
Object.assign(globalThis, {
  ENABLE_INNER_HTML: true,
  ENABLE_ADJACENT_HTML: true,
  ENABLE_SIZE_APIS: true,
  ENABLE_TEMPLATE_CONTENT: true,
  ENABLE_MUTATION_OBSERVER: true,
  ENABLE_CLONE_NODE: true,
  ENABLE_CONTAINS: true,
  DEPRECATED_ADAPTER_COMPONENT: false,
});
process.env.TARO_ENV = 'h5';
process.env.TARO_PLATFORM = 'web';

// Taro's H5 build turns `Taro.api()` into named imports of @tarojs/taro-h5; here the default export gets them instead.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const taroH5 = require('@tarojs/taro-h5');
Object.assign(taroH5.default, taroH5);

// Page lifecycle hooks come from Taro's framework runtime and attach to a page instance; a component
// rendered here has no page around it, so they do nothing (useRouter has no query).
const pageHooks = {
  useDidShow: () => {},
  useDidHide: () => {},
  usePullDownRefresh: () => {},
  useReachBottom: () => {},
  useShareAppMessage: () => {},
  useRouter: () => ({ params: {} }),
};
for (const [name, hook] of Object.entries(pageHooks)) {
  taroH5[name] ??= hook;
  taroH5.default[name] ??= hook;
}

// NutUI's Dialog animates through react-transition-group, which still calls findDOMNode: React's
// deprecation warning only, not a problem of the page under test; everything else still shows.
const printError = console.error.bind(console);
console.error = (...args: Parameters<typeof console.error>) => {
  if (!String(args[0]).includes('findDOMNode')) printError(...args);
};
