#!/usr/bin/env bash
# Starts one silo with the embedded default: in-memory storage and reminders, everything on loopback, and this
# machine's Docker engine as its executor node. API on http://127.0.0.1:5080 (try /healthz, /v1/nodes, and
#   curl -s --data-binary 'hello' 'http://127.0.0.1:5080/v1/run?image=actors/upper'
# ). Installs and starts the Docker engine and builds the sample images when they are missing (as root), and stops
# an engine it started when the silo stops. Without an engine the silo still starts and says why jobs cannot run.
# Ctrl+C stops it gracefully. Any setting can be overridden by environment variables, for example:
#   Actors__Storage__Provider=PostgreSql Actors__Storage__ConnectionString='Host=127.0.0.1;...' bash run.sh
set -euo pipefail
cd "$(dirname "$0")"

started_docker=0
if [[ "${ACTORS_SKIP_DOCKER:-0}" != 1 ]]; then
  if ! bash scripts/docker.sh status >/dev/null 2>&1; then
    if bash scripts/docker.sh start; then
      started_docker=1
    else
      echo "run.sh: the Docker engine could not be started; the silo runs without an executor engine." >&2
    fi
  fi
  if [[ $started_docker == 1 ]] || bash scripts/docker.sh status >/dev/null 2>&1; then
    bash scripts/docker.sh images >/dev/null || echo "run.sh: the sample images could not be built." >&2
  fi
fi

stop_docker() {
  if [[ $started_docker == 1 ]]; then
    bash scripts/docker.sh stop || true
  fi
}
trap stop_docker EXIT

status=0
dotnet run -c Release --project silo/Actors.Silo -- "$@" || status=$?
exit "$status"
