/** Jest runs TypeScript through SWC (no type-check; `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

const shared = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  // Nest 12 ships ESM only; let SWC turn it into CommonJS for Jest's module system.
  transform: { '^.+\\.(t|j|mj)s$': swc },
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs|openai|@perplexity-ai)/)'],
  moduleNameMapper: {
    '^@answergate/(.*)$': '<rootDir>/libs/$1/src',
    // ESM-only ("import" condition alone), which Jest's CommonJS resolver skips.
    '^@perplexity-ai/perplexity_ai$':
      '<rootDir>/node_modules/@perplexity-ai/perplexity_ai/dist/index.js',
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      // Real processes and servers: generous bounds for a loaded CI machine.
      testTimeout: 30_000,
    },
  ],
};
