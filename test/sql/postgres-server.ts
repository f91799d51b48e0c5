/**
 * The PostgreSQL server the SQL tests use: its URL comes from CRITERIA_TEST_POSTGRES_URL
 * (scripts/start-test-postgres.sh starts one). Without it the tests are skipped with one line
 * saying so — except under CI=true, where a missing server is a failure.
 */
export const POSTGRES_URL = process.env.CRITERIA_TEST_POSTGRES_URL ?? '';

if (POSTGRES_URL === '') {
  if (process.env.CI === 'true')
    throw new Error('CRITERIA_TEST_POSTGRES_URL is not set under CI: start a server with eval "$(scripts/start-test-postgres.sh)" before npm test');
  process.stdout.write(
    'PostgreSQL tests skipped: CRITERIA_TEST_POSTGRES_URL is not set (eval "$(scripts/start-test-postgres.sh)" starts a throwaway server)\n',
  );
}
