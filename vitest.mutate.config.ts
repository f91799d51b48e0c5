import { defineConfig } from 'vitest/config';

// The tests mutation testing runs (npm run mutate): the in-process tests of the stages it mutates
// (check, compile, evaluate), the packs' own tests, the golden figures, the scoring properties and the
// hostile library calls. A mutant in the scoring core is covered by nearly every test, and each of its
// runs re-runs every covering file (a file's top-level setup included), so the set is kept to the tests
// written about these stages: the tests of later stages (explain, diff, reports), of the loader, and the
// determinism and metamorphic properties cover the same code again at many times the cost. Tests that
// spawn the command, serve HTTP, drive a browser or a SQL engine never see a mutant (a child process
// runs without Stryker's active mutant).
// The check stage's own tests (npm run mutate:check sets MUTATE_TESTS=check). Every test that loads a
// pack runs the checks too, so with the whole set each check mutant would rerun the golden figures, the
// packs and the properties. Measured by fewer tests, the check stage's score can only be lower.
const CHECK_TESTS = ['test/check/**/*.test.ts', 'test/hostile/library.test.ts', 'test/hostile/prototype.test.ts', 'test/hostile/corpus-in-process.test.ts'];

export default defineConfig({
  test: {
    include:
      process.env.MUTATE_TESTS === 'check'
        ? CHECK_TESTS
        : [
            'test/check/**/*.test.ts',
            'test/compile/**/*.test.ts',
            'test/evaluate/**/*.test.ts',
            'test/golden/**/*.test.ts',
            'test/packs/**/*.test.ts',
            'test/tester/**/*.test.ts',
            'test/properties/scoring.test.ts',
            'test/properties/limits.test.ts',
            'test/hostile/library.test.ts',
            'test/hostile/prototype.test.ts',
            'test/hostile/corpus-in-process.test.ts',
          ],
    exclude: ['test/evaluate/bad-cases.test.ts'],
    testTimeout: 60_000,
    // One module cache for every test file and every mutant run: re-importing the library for each file
    // of each run is most of a run's time. Safe here: Stryker switches mutants at run time (static
    // mutants are ignored), and none of these tests mocks a module.
    isolate: false,
    // Each property makes 10 runs instead of its hundreds: every surviving mutant reruns every test
    // that covers it, and the properties cover most of the scoring code.
    env: { FUZZ_RUNS: '10', MUTATION_RUN: '1' },
  },
});
