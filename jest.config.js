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

const ESM_PACKAGES = [
  '@nestjs',
  'openai',
  '@perplexity-ai',
  'unpdf',
  'css-select',
  'css-what',
  'cssomnom',
  'domutils',
  'dom-serializer',
  'domhandler',
  'entities',
  'htmlparser2',
  'nth-check',
  'boolbase',
  'domelementtype',
];

const shared = {
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  // Nest 12 and the HTML/PDF readers' dependencies ship ESM only (Node 20.19 requires them
  // natively); let SWC turn them into CommonJS for Jest's module system.
  transform: { '^.+\\.(t|j|mj|cj)s$': swc },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
  moduleNameMapper: {
    '^@answergate/(.*)$': '<rootDir>/libs/$1/src',
    // ESM-only, with an `import`-only export map that Jest's CommonJS resolver cannot read.
    '^@perplexity-ai/perplexity_ai$':
      '<rootDir>/node_modules/@perplexity-ai/perplexity_ai/dist/index.js',
    // unpdf loads its PDF.js build with import(), whose export map has no CommonJS entry.
    '^unpdf/pdfjs$': '<rootDir>/node_modules/unpdf/dist/pdfjs.mjs',
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
      // `testTimeout` is read only at the top level, not per project: the e2e bound is set here.
      setupFilesAfterEnv: ['<rootDir>/test/support/e2e-timeout.ts'],
    },
  ],
};
