import { defineConfig } from 'vitest/config';

// The tests mutation testing runs (npm run mutate): the fast in-process tests of the stages it mutates
// (check, compile, evaluate) and of what calls them in process (load, explain, the packs' own tests,
// the properties). Tests that spawn the command, serve HTTP, drive a browser or a SQL engine never see
// a mutant (a child process runs without Stryker's active mutant) and only slow each run; tests of
// blow-ups take tens of seconds per run.
export default defineConfig({
  test: {
    include: [
      'test/check/**/*.test.ts',
      'test/compile/**/*.test.ts',
      'test/evaluate/**/*.test.ts',
      'test/golden/**/*.test.ts',
      'test/packs/**/*.test.ts',
      'test/tester/**/*.test.ts',
      'test/load/**/*.test.ts',
      'test/properties/**/*.test.ts',
      'test/explain/**/*.test.ts',
      'test/diff/diff-ratings.test.ts',
      'test/hostile/library.test.ts',
      'test/hostile/prototype.test.ts',
      'test/hostile/case-ids.test.ts',
    ],
    exclude: ['test/evaluate/bad-cases.test.ts'],
    testTimeout: 60_000,
    // One module cache for every test file and every mutant run: re-importing the library for each file
    // of each run is most of a run's time. Safe here: Stryker switches mutants at run time (static
    // mutants are ignored), and none of these tests mocks a module.
    isolate: false,
    // Each property makes 20 runs instead of its hundreds: every surviving mutant reruns every test
    // that covers it, and the properties cover most of the scoring code.
    env: { FUZZ_RUNS: '20' },
  },
});
