#!/usr/bin/env bash
# Starts one silo with the embedded default: in-memory storage and reminders, everything on loopback.
# API on http://127.0.0.1:5080 (try /healthz and /v1/silo). Ctrl+C stops it gracefully.
# Any setting can be overridden by environment variables, for example:
#   Actors__Storage__Provider=PostgreSql Actors__Storage__ConnectionString='Host=127.0.0.1;...' bash run.sh
set -euo pipefail
cd "$(dirname "$0")"
exec dotnet run -c Release --project silo/Actors.Silo -- "$@"
