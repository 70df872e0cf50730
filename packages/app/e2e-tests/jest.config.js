// Browser tests: a real Chromium against the built portal, served by the backend.
// They run after `yarn workspace app build`, separately from the unit tests.
module.exports = {
  rootDir: __dirname,
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  testTimeout: 240_000,
  transform: {
    '\\.ts$': [
      require.resolve('@backstage/cli/config/jestSwcTransform'),
      { jsc: { parser: { syntax: 'typescript' } } },
    ],
  },
};
