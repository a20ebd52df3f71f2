const shared = {
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'jsx', 'json', 'node'],
  transform: { '^.+\\.(t|j)sx?$': 'babel-jest', '^.+\\.mjs$': 'babel-jest' },
  moduleNameMapper: {
    '^wx-server-sdk$': '<rootDir>/devcloud/wx-server-sdk.ts',
    '^@/(.*)$': '<rootDir>/src/$1',
    '^@core/(.*)$': '<rootDir>/core/$1',
  },
};

module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'cloud',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/cloud/**/*.test.ts', '<rootDir>/test/core/**/*.test.ts', '<rootDir>/test/deploy/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'app',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/test/app/**/*.test.ts?(x)'],
      setupFiles: ['<rootDir>/test/app/setup.ts'],
      moduleNameMapper: {
        ...shared.moduleNameMapper,
        '^@tarojs/components$': '<rootDir>/node_modules/@tarojs/components/lib/react',
        '^@tarojs/taro$': '<rootDir>/node_modules/@tarojs/taro-h5',
        '\\.(css|scss|sass|less)$': '<rootDir>/test/app/style-stub.js',
      },
      // Taro and NutUI ship ESM (and bundle ESM copies of tslib): transform all but the big CommonJS packages.
      transformIgnorePatterns: [
        '/node_modules/(react|react-dom|scheduler|@babel|jest[^/]*|@jest|@testing-library|@seald-io|valibot|dayjs|typescript|core-js[^/]*|@antv)/',
      ],
    },
  ],
};
