'use strict';
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');
// Every package directory of sfdx-project.json is a root of the LWC tests (core, site, MDF...).
const packageRoots = require('./sfdx-project.json').packageDirectories.map((d) => `<rootDir>/${d.path}`);

// Two projects, one runner: the Lightning Web Components (sfdx-lwc-jest, jsdom) and the Node side
// (scoring function, offline metadata checks) through ts-jest.
module.exports = {
  projects: [
    {
      ...jestConfig,
      displayName: 'lwc',
      roots: packageRoots,
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
