/** Root jest config: one `npm test` runs every workspace's unit tests and the integration suite. */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022', transform: { react: { runtime: 'automatic' } } },
    module: { type: 'commonjs' },
  },
];
const base = (name, rootDir, extra = {}) => ({
  displayName: name,
  rootDir,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: {
    '^@planboard/contracts$': '<rootDir>/../contracts/src/index.ts',
    '^@planboard/server$': '<rootDir>/../server/src/index.ts',
  },
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only packages are compiled to CommonJS for jest (Node itself loads them with require(esm)).
  transformIgnorePatterns: ['/node_modules/(?!(jose|oidc-provider|@panva|oidc-token-hash|quick-lru|nanoid)/)'],
  ...extra,
});
module.exports = {
  // Suites wait on state (polling with their own deadlines), not on time; on a busy 2-core CI
  // machine even a seeded-storage round trip can outlast jest's 5 s default, so the default is
  // only a guard against a hung test.
  testTimeout: 60_000,
  globalSetup: '<rootDir>/tests/support/global-setup.js',
  globalTeardown: '<rootDir>/tests/support/global-teardown.js',
  projects: [
    base('contracts', '<rootDir>/contracts'),
    base('server', '<rootDir>/server'),
    base('api', '<rootDir>/api'),
    base('bot', '<rootDir>/bot'),
    base('functions-host', '<rootDir>/emulators/functions-host', { moduleNameMapper: {} }),
    base('stack', '<rootDir>/emulators/stack', {
      moduleNameMapper: {
        '^@planboard/contracts$': '<rootDir>/../../contracts/src/index.ts',
        '^@planboard/server$': '<rootDir>/../../server/src/index.ts',
      },
    }),
    base('identity', '<rootDir>/emulators/identity', { moduleNameMapper: {} }),
    base('powerbi', '<rootDir>/emulators/powerbi', { moduleNameMapper: {} }),
    base('graph', '<rootDir>/emulators/graph', { moduleNameMapper: {} }),
    base('dataverse', '<rootDir>/emulators/dataverse', { moduleNameMapper: {} }),
    base('tabs', '<rootDir>/tabs'),
    base('integration', '<rootDir>/tests/integration', {
      moduleNameMapper: {
        '^@planboard/contracts$': '<rootDir>/../../contracts/src/index.ts',
        '^@planboard/server$': '<rootDir>/../../server/src/index.ts',
      },
    }),
    base('repo', '<rootDir>/tests/repo', { moduleNameMapper: {} }),
  ],
};
