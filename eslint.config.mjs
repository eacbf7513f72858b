// ESLint 9 flat config.
// - LWC: the Salesforce LWC rules run on the JavaScript that deploys (compiled from .ts by
//   scripts/compile-lwc.mjs) and on the Jest tests; the LWC TypeScript sources get typescript-eslint.
// - Node (scoring function, scripts, tools): typescript-eslint recommended.
import lwcConfig from '@salesforce/eslint-config-lwc';
import tseslint from 'typescript-eslint';
import jestPlugin from 'eslint-plugin-jest';
import globals from 'globals';

const lwcFiles = ['force-app*/**/lwc/**/*.js'];

export default [
  {
    ignores: [
      'node_modules/**',
      'coverage/**',
      '.sf/**',
      '.sfdx/**',
      'build/**',
      'dist/**',
      '**/dist/**',
      'preview/dist/**',
      'preview/screenshots/**',
      '**/*.d.ts'
    ]
  },
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: lwcFiles })),
  {
    files: ['force-app*/**/lwc/**/__tests__/**/*.js', 'force-app/test/**/*.js'],
    plugins: { jest: jestPlugin },
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      ...jestPlugin.configs['flat/recommended'].rules,
      '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off'
    }
  },
  // The local preview (npm run preview): its stand-in component is an LWC module; the page scripts
  // run in the browser; the server, in-memory org and browser tests are Node TypeScript.
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: ['preview/client/modules/**/*.js'] })),
  {
    files: ['preview/client/**/*.js'],
    languageOptions: { globals: { ...globals.browser } }
  },
  ...tseslint.configs.recommended.map((c) => ({
    ...c,
    files: [
      'functions/**/*.ts',
      'scripts/**/*.ts',
      'tools/**/*.ts',
      'force-app*/**/lwc/**/*.ts',
      'preview/**/*.ts'
    ]
  })),
  {
    files: [
      'functions/**/*.ts',
      'scripts/**/*.ts',
      'tools/**/*.ts',
      'force-app*/**/lwc/**/*.ts',
      'preview/**/*.ts'
    ],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }]
    }
  },
  // Product code never depends on test code: the preview (npm run preview), the scoring function's
  // sources (npm start, the deployed build) and the tools' sources import no test fixture, mock or
  // helper. Tests may import product code, not the other way round.
  {
    files: [
      'preview/**/*.ts',
      'preview/**/*.js',
      'functions/*/src/**/*.ts',
      'tools/*/src/**/*.ts',
      'force-app*/**/lwc/**/*.ts'
    ],
    ignores: ['preview/__tests__/**', 'preview/e2e/**', '**/__tests__/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test/**', '**/tests/**', '**/__tests__/**', '**/jest-mocks/**', '**/jest-utils/**'],
              message: 'Product code must not import test code; move what it needs into a product module.'
            }
          ]
        }
      ]
    }
  },
  {
    files: ['scripts/**/*.mjs', 'scripts/**/*.js', '*.js', '*.mjs'],
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' }
  }
];
