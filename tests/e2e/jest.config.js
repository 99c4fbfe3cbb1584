/**
 * End-to-end tests: real Chromium against the whole local stack (or against E2E_TAB_URL).
 * Run from the repo root: `npm run test:e2e` (builds first), or
 * `E2E_TAB_URL=http://127.0.0.1:53000 npx jest -c tests/e2e/jest.config.js --runInBand`.
 */
const path = require('node:path');

const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } }];

module.exports = {
  displayName: 'e2e',
  rootDir: path.resolve(__dirname, '../..'),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@planboard/contracts$': '<rootDir>/contracts/src/index.ts',
    '^@planboard/server$': '<rootDir>/server/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  globalSetup: '<rootDir>/tests/e2e/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/e2e/support/global-teardown.js',
  testTimeout: 120_000,
  slowTestThreshold: 30,
};
