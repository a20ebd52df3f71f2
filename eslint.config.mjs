import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      'dist',
      'dist-h5',
      '.build',
      'coverage',
      'cloudfunctions/*/index.js',
      'bench/results',
      'e2e/artifacts',
      '.data',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: { defineAppConfig: 'readonly', definePageConfig: 'readonly' } },
  },
  {
    // Core is shared with the cloud functions: it must not reach into the app, the server or a platform SDK.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: ['@tarojs/*', 'react', 'wx-server-sdk', '../src/*', '../server/*', '../devcloud/*', '@/*'] },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/server/**', '**/devcloud/**', 'wx-server-sdk'] }] },
  },
  {
    // What gets deployed never depends on the development host that runs it on this machine.
    files: ['server/**/*.ts', 'cloudfunctions/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['**/devcloud/**'] }],
      // Access rules type what a handler receives (server/runtime/access.ts): nothing to assert.
      '@typescript-eslint/no-non-null-assertion': 'error',
    },
  },
  {
    files: ['babel.config.js', 'jest.config.js', 'test/app/style-stub.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
