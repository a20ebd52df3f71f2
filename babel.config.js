// Taro's preset builds the app; jest (NODE_ENV=test) compiles TypeScript and JSX for Node instead.
const nutuiPerComponent = [
  'import',
  {
    libraryName: '@nutui/nutui-react-taro',
    camel2DashComponentName: false,
    customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
    // Receives the component's module path; its style/css entry imports the compiled CSS.
    style: (componentPath) => `${componentPath}/style/css`,
  },
  'nutui-react-taro',
];

module.exports = (api) => {
  if (api.env('test')) {
    return {
      presets: [
        ['@babel/preset-env', { targets: { node: 'current' } }],
        ['@babel/preset-react', { runtime: 'automatic' }],
        '@babel/preset-typescript',
      ],
      plugins: [nutuiPerComponent],
    };
  }
  return {
    presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', useBuiltIns: false }]],
    plugins: [nutuiPerComponent],
  };
};
