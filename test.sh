#!/usr/bin/env bash
# Runs the whole test suite on this machine.
# Installs and starts what the tests need when it is missing (a throwaway PostgreSQL on 127.0.0.1:55432, the Docker
# engine with the locally built actors/* test images), and stops what it started. Prints "N passed, N failed" as its last line; exits non-zero when a test fails.
#
#   bash test.sh                 # everything
#   bash test.sh --filter X      # extra arguments go to `dotnet test` (for example a test filter)
#
# Set ACTORS_TEST_POSTGRES to a connection string to use a PostgreSQL server of your own instead.
set -euo pipefail
cd "$(dirname "$0")"

readonly RESULTS=".test-run/results"
rm -rf .test-run
mkdir -p "$RESULTS"

cleanup() {
  # postgres.sh stop only stops a server that postgres.sh start started.
  if [[ "${STARTED_POSTGRES:-0}" == 1 ]]; then
    bash scripts/postgres.sh stop || true
  fi
  # docker.sh stop only stops an engine that docker.sh start started; this run only asks when it started one.
  if [[ "${STARTED_DOCKER:-0}" == 1 ]]; then
    bash scripts/docker.sh stop || true
  fi
}
trap cleanup EXIT

if [[ -z "${ACTORS_TEST_POSTGRES:-}" ]]; then
  ACTORS_TEST_POSTGRES="$(bash scripts/postgres.sh start | tail -n 1)"
  STARTED_POSTGRES=1
  export ACTORS_TEST_POSTGRES
fi

if ! bash scripts/docker.sh status >/dev/null 2>&1; then
  bash scripts/docker.sh start
  STARTED_DOCKER=1
fi
bash scripts/docker.sh images >/dev/null

dotnet build Actors.sln -c Release -nologo -clp:ErrorsOnly

status=0
dotnet test Actors.sln -c Release --no-build -nologo \
  --logger "trx" --results-directory "$RESULTS" \
  --logger "console;verbosity=normal" "$@" || status=$?

# Stop what we started before the summary, so the summary stays the last line.
cleanup
STARTED_POSTGRES=0
STARTED_DOCKER=0
bash scripts/summarize-trx.sh "$RESULTS" | tee .test-run/summary.txt
exit "$status"
