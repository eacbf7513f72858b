'use strict';
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Two projects, one runner: the Lightning Web Components (sfdx-lwc-jest, jsdom) and the Node side
// (scoring function, offline metadata checks) through ts-jest.
module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      roots: ['<rootDir>/force-app'],
      testMatch: ['**/lwc/**/__tests__/**/*.test.[jt]s'],
      moduleNameMapper: {
        '^lightning/empApi$': '<rootDir>/force-app/test/jest-mocks/lightning/empApi',
        '^lightning/messageService$': '<rootDir>/force-app/test/jest-mocks/lightning/messageService',
        '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
        '^lightning/platformShowToastEvent$':
          '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent'
      },
      setupFilesAfterEnv: [...(jestConfig.setupFilesAfterEnv || []), '<rootDir>/force-app/test/jest-setup.js']
    },
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/functions', '<rootDir>/scripts', '<rootDir>/tools', '<rootDir>/preview'],
      testMatch: ['**/test/**/*.test.ts', '**/__tests__/**/*.test.ts'],
      transform: {
        '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
        // fastify's inject() (light-my-request) requires `cookie` 2, which ships ESM only.
        '/node_modules/cookie/.+\\.js$': [
          'babel-jest',
          { plugins: ['@babel/plugin-transform-modules-commonjs'] }
        ]
      },
      transformIgnorePatterns: ['/node_modules/(?!cookie/)']
    }
  ]
};
