#!/usr/bin/env bash
# WPS Execute round trip of the trivial process (Hello ~ pywps' say_hello), end to end:
# build check, our server on a free loopback port with a throw-away data dir, health wait,
# the shared peer harness (/work/shared/peers/bench-wps.sh: sync KVP GET, wrk at c=1 and c=8),
# then the server is stopped by its PID. Optionally the same load against pywps, back to back.
#
#   bench/wps-roundtrip.sh                 # ours, ResponseDocument (XML) Execute
#   bench/wps-roundtrip.sh --raw           # also the RawDataOutput=response variant
#   bench/wps-roundtrip.sh --pywps         # also pywps 4.5 (gunicorn sync) right after ours
#   bench/wps-roundtrip.sh --jfr           # also record a JFR of our server during the load
#
# Env: PEERS (/work/shared/peers)  PORT (a free port)  JAVA_OPTS ("")  DURATION (15)  CONCS ("1 8")
#      WARMUP (3)  NURLS (1000)  RESULTS (TSV appended by wrkbench.sh; default $OUT/results.tsv)
#      OUT (/tmp/candela-bench/wps-<timestamp>)  KEEP=1 keeps the temp data dir
#      JAR (use this ows-server.jar as is: no build check)
# Needs wrk (and python3-pywps + gunicorn for --pywps): /work/shared/peers/install.sh
# Everything listens on 127.0.0.1 only. Nothing in the repository is modified.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-/work/shared/peers}
raw=0; pywps=0; jfr=0
for a in "$@"; do
  case "$a" in
    --raw) raw=1 ;; --pywps) pywps=1 ;; --jfr) jfr=1 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "unknown argument $a" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk missing: run $PEERS/install.sh" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/wps-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
export RESULTS=${RESULTS:-$OUT/results.tsv}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
load() { local c; c=$(cpu_since); echo "   [load $(uptime | sed 's/.*load average: //')${c:+ | cpu since last mark: $c}]"; }

# ---- build check: build when the jar is missing or older than any source / pom
jar=${JAR:-$repo/ows-server/target/ows-server.jar}
if [ -z "${JAR:-}" ] && { [ ! -s "$jar" ] || [ -n "$(find "$repo" -path '*/target' -prune -o \( -name '*.java' -o -name pom.xml -o -name '*.yml' \) -newer "$jar" -print -quit)" ]; }; then
  echo "== building (mvn -o -q -B -DskipTests install)"
  (cd "$repo" && mvn -o -q -B -DskipTests install)
fi
# run from a private copy: a concurrent build may rewrite target/ while we measure
cp "$jar" "$OUT/ows-server.jar"
echo "== ows-server.jar $(sha256sum "$OUT/ows-server.jar" | cut -c1-12) (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'))"

# ---- start our server
PORT=${PORT:-$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
data=$(mktemp -d /tmp/candela-bench-data.XXXXXX)
jopts=(${JAVA_OPTS:-})
[ $jfr = 1 ] && jopts+=("-XX:StartFlightRecording=filename=$OUT/server.jfr,settings=profile,dumponexit=true")
pid=""
stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"
    for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
    echo "== server stopped (pid $pid)"
  fi
  pid=""
  [ "${KEEP:-0}" = 1 ] && echo "   data dir kept: $data" || rm -rf "$data"
}
trap stop_server EXIT
t0=$(date +%s.%N)
java "${jopts[@]}" -jar "$OUT/ows-server.jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --candela.data-dir="$data" > "$OUT/server.log" 2>&1 &
pid=$!
echo "== server pid $pid on http://127.0.0.1:$PORT, data dir $data"
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$pid" 2>/dev/null || { echo "server died; see $OUT/server.log" >&2; tail -30 "$OUT/server.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf "http://127.0.0.1:$PORT/actuator/health" | grep -q '"UP"' || { echo "no health UP" >&2; exit 1; }
echo "   health UP after $(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN{printf "%.1f", b-a}') s"
rss() { ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1/1024}'; }
echo "   server RSS after start: $(rss)"

# ---- ours
BASE="http://127.0.0.1:$PORT/wps"
rc=0
load
OUTDIR="$OUT/ours" "$PEERS/bench-wps.sh" "$BASE" Hello name candela || rc=1
load
if [ $raw = 1 ]; then
  OUTDIR="$OUT/ours-raw" WPS_ARGS="--raw-output response" EXPECT_BODY='' \
    "$PEERS/bench-wps.sh" "$BASE" Hello name candela-raw || rc=1
  load
fi
echo "   server RSS after load: $(rss); job directories: $(find "$data/jobs" -mindepth 1 -maxdepth 1 | wc -l); data dir $(du -sh "$data" | cut -f1)"
if [ $jfr = 1 ]; then jcmd "$pid" JFR.dump filename="$OUT/server.jfr" >/dev/null && echo "   JFR: $OUT/server.jfr"; fi
stop_server

# ---- pywps, back to back
if [ $pywps = 1 ]; then
  "$PEERS/pywps.sh" start
  load
  OUTDIR="$OUT/pywps" "$PEERS/bench-wps.sh" http://127.0.0.1:${WPS_PORT:-18081}/wps say_hello name pywps || rc=1
  load
  if [ $raw = 1 ]; then
    OUTDIR="$OUT/pywps-raw" WPS_ARGS="--raw-output response" EXPECT_BODY='' \
      "$PEERS/bench-wps.sh" http://127.0.0.1:${WPS_PORT:-18081}/wps say_hello name pywps-raw || rc=1
    load
  fi
  "$PEERS/pywps.sh" stop
fi
echo "== results: $RESULTS"
exit $rc
