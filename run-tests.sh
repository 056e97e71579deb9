#!/usr/bin/env bash
# Runs every test: unit, schema validation, GDAL round trips, PostgreSQL job store, OWSLib client.
# Installs the Debian test tools first when run as root (CI, a fresh machine); elsewhere the tests
# that need a missing tool are skipped, unless CI=true, where a missing tool fails the run.
set -euo pipefail
cd "$(dirname "$0")"
if [ "$(id -u)" = 0 ]; then
  bash .ci/setup-test-tools.sh
  eval "$(bash .ci/postgres.sh)"
else
  echo "Not root: not installing gdal-bin, python3-owslib, postgresql; tests needing them will skip." >&2
fi
require=false
[ "${CI:-}" = "true" ] && require=true
exec mvn -B verify -Dcandela.requireExternalTools="$require" "$@"
