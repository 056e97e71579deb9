#!/usr/bin/env bash
# Builds the platform, starts it on its embedded default (local launcher, H2 job store and the
# generated sample pair in ./data, on http://127.0.0.1:8080) and runs the end-to-end demo: a real
# WPS Execute of ChangeDetection over HTTP. The server keeps running; pass --exit to stop after the demo.
set -euo pipefail
cd "$(dirname "$0")"
exit_after=false
extra=()
for arg in "$@"; do
  case "$arg" in
    --exit) exit_after=true ;;
    *) extra+=("$arg") ;;
  esac
done
echo "Building (mvn -DskipTests install) ..."
mvn -B -q -DskipTests install
exec java -jar ows-server/target/ows-server.jar \
  --candela.demo.enabled=true --candela.demo.exit-after="$exit_after" "${extra[@]}"
