import { defineConfig } from 'vitest/config';

// The tests mutation testing runs: those that exercise src/ in process. Tests of the built command,
// the HTTP service and the browser run dist/ or other processes, which never see a mutant, and
// would only slow each run.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/serve/**', 'test/workbench/**', 'test/report/browser/**', 'test/hostile/corpus.test.ts', 'test/hostile/error-docs.test.ts', 'test/cli/**', 'test/parallel/**', 'test/author-tools/**'],
    testTimeout: 30_000,
    pool: 'forks',
  },
});
