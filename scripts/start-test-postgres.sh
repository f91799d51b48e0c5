#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for the SQL tests and prints the line that points them
# at it. Installs Debian's postgresql when it is missing (as root), runs the cluster as the
# unprivileged `postgres` user (or the current user when not root) on a local port, with trust
# authentication on 127.0.0.1 only, in a temporary folder that stop-test-postgres.sh removes.
#
#   eval "$(scripts/start-test-postgres.sh)"    # exports CRITERIA_TEST_POSTGRES_URL (and _DIR)
#   npm test
#   scripts/start-test-postgres.sh --stop "$CRITERIA_TEST_POSTGRES_DIR"
set -euo pipefail

PORT="${CRITERIA_TEST_POSTGRES_PORT:-54329}"

# The first free port from PORT on (another cluster, or another run's, may hold it).
free_port() {
  local port="$1"
  for _ in $(seq 1 50); do
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
    port=$((port + 1))
  done
  echo "no free port from $1 to $port for a test cluster" >&2
  return 1
}

if [[ "${1:-}" == "--stop" ]]; then
  dir="${2:?the cluster folder}"
  owner="$(stat -c %U "$dir")"
  bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
  if [[ "$(id -u)" == 0 && "$owner" != root ]]; then runuser -u "$owner" -- "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true; else "$bin/pg_ctl" -D "$dir/data" -m fast stop >&2 || true; fi
  rm -rf "$dir"
  exit 0
fi

if ! ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  if [[ "$(id -u)" != 0 ]]; then echo "postgresql is not installed and this is not root: apt-get install -y postgresql" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
fi
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"

PORT="$(free_port "$PORT")"
dir="$(mktemp -d /tmp/criteria-pg.XXXXXX)"
as_user=()
if [[ "$(id -u)" == 0 ]]; then
  # PostgreSQL refuses to run as root: the package's own user runs the cluster.
  chown postgres: "$dir"
  as_user=(runuser -u postgres --)
fi
"${as_user[@]}" "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >&2
"${as_user[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
  -o "-p $PORT -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >&2

echo "export CRITERIA_TEST_POSTGRES_URL=postgres://postgres@127.0.0.1:$PORT/postgres"
echo "export CRITERIA_TEST_POSTGRES_DIR=$dir"
