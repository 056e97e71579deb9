#!/usr/bin/env bash
# One asynchronous WPS 1.0.0 Execute of ChangeDetection through the server, end to end: our server on
# a free loopback port with a throw-away data dir, the pair copied under <data>/eodata/bench/ and
# referenced as http://127.0.0.1:PORT/eodata/bench/..., POST Execute (storeExecuteResponse, status),
# poll the statusLocation until ProcessSucceeded/ProcessFailed, report POST -> ProcessSucceeded time,
# the job's phases (job.log) and the server's peak RSS while it ran. Stops the server by its PID.
#
#   bench/change-detection-server.sh                       # the 4096^2 sample pair in /tmp/cdbench
#   bench/change-detection-server.sh BEFORE.tif AFTER.tif  # any pair
# Env: JAR (ows-server.jar to use as is; default: target/, built when stale)  JAVA_OPTS  POLL (0.5 s)
#      OUT (/tmp/candela-bench/cds-<ts>)  KEEP=1 keeps the data dir
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
before=${1:-/tmp/cdbench/bordeaux_2017-04-19.tif}; after=${2:-/tmp/cdbench/bordeaux_2017-04-29.tif}
[ -s "$before" ] && [ -s "$after" ] || { echo "no pair: run bench/change-detection.sh first (it generates /tmp/cdbench), or pass BEFORE AFTER" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/cds-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT"
jar=${JAR:-$repo/ows-server/target/ows-server.jar}
if [ -z "${JAR:-}" ] && { [ ! -s "$jar" ] || [ -n "$(find "$repo" -path '*/target' -prune -o \( -name '*.java' -o -name pom.xml -o -name '*.yml' \) -newer "$jar" -print -quit)" ]; }; then
  (cd "$repo" && mvn -o -q -B -DskipTests install)
fi
cp "$jar" "$OUT/ows-server.jar"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
load() { uptime | sed 's/.*load average: //'; }
now() { date +%s.%N; }
PORT=${PORT:-$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
data=$(mktemp -d /tmp/candela-bench-data.XXXXXX)
mkdir -p "$data/eodata/bench"
cp "$before" "$data/eodata/bench/before.tif"; cp "$after" "$data/eodata/bench/after.tif"
pid=""
stop_server() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true; echo "== server stopped (pid $pid)"
  fi
  pid=""
  [ "${KEEP:-0}" = 1 ] && echo "   data dir kept: $data" || rm -rf "$data"
}
trap stop_server EXIT
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$OUT/ows-server.jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --candela.data-dir="$data" > "$OUT/server.log" 2>&1 &
pid=$!
for _ in $(seq 1 300); do
  curl -sf "http://127.0.0.1:$PORT/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$pid" 2>/dev/null || { echo "server died; see $OUT/server.log" >&2; exit 1; }
  sleep 0.2
done
BASE="http://127.0.0.1:$PORT"
echo "== server pid $pid on $BASE, data dir $data, RSS $(ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1/1024}')  [load $(load)]"
sed "s#\${BASE}/eodata/samples/bordeaux_2017-04-19.tif#$BASE/eodata/bench/before.tif#; s#\${BASE}/eodata/samples/bordeaux_2017-04-29.tif#$BASE/eodata/bench/after.tif#" \
  "$repo/ows-server/src/main/resources/demo/execute-change-detection.xml" > "$OUT/execute.xml"
grep -q "$BASE/eodata/bench/after.tif" "$OUT/execute.xml" || { echo "could not build the Execute document" >&2; exit 1; }
peak=0
cpu_since > /dev/null
t0=$(now)
code=$(curl -s -o "$OUT/accepted.xml" -w '%{http_code}' -H 'Content-Type: application/xml' --data-binary @"$OUT/execute.xml" "$BASE/wps")
t1=$(now)
status=$(grep -o 'statusLocation="[^"]*"' "$OUT/accepted.xml" | sed 's/statusLocation="//; s/"$//; s/&amp;/\&/g')
echo "   POST -> HTTP $code in $(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}') s, $(grep -o 'Process\(Accepted\|Started\|Succeeded\|Failed\)' "$OUT/accepted.xml" | head -1), statusLocation $status"
[ -n "$status" ] || { cat "$OUT/accepted.xml"; exit 1; }
state=""; last=""
while :; do
  curl -s -o "$OUT/status.xml" "$status"
  r=$(ps -o rss= -p "$pid" | awk '{print int($1/1024)}'); [ "$r" -gt "$peak" ] && peak=$r
  state=$(grep -o 'ProcessSucceeded\|ProcessFailed\|ProcessStarted\|ProcessAccepted\|ProcessPaused' "$OUT/status.xml" | head -1 || true)
  pc=$(grep -o 'percentCompleted="[0-9]*"' "$OUT/status.xml" | grep -o '[0-9]*' || true)
  [ "$state$pc" != "$last" ] && printf '   %7.1f s  %s %s\n' "$(awk -v a="$t0" -v b="$(now)" 'BEGIN{print b-a}')" "$state" "${pc:+$pc%}" && last="$state$pc"
  case "$state" in ProcessSucceeded|ProcessFailed) break ;; esac
  sleep "${POLL:-0.5}"
done
t2=$(now)
e2e=$(awk -v a="$t0" -v b="$t2" 'BEGIN{printf "%.2f", b-a}')
px=$((4096 * 4096))
echo "== $state: POST -> $state ${e2e} s (poll ${POLL:-0.5} s), $(awk -v p="$px" -v w="$e2e" 'BEGIN{printf "%.2f", p/1e6/w}') MP/s if 4096^2, server peak RSS ${peak} MiB  [load $(load) | cpu during the job: $(cpu_since)]"
job=$(ls -td "$data"/jobs/*/ | head -1)
cp "$job/job.log" "$OUT/job.log" 2>/dev/null || true
awk '
  function t(s,  a) { split(s, a, /[T:Z]/); return a[2]*3600 + a[3]*60 + a[4] }
  /Running process/ { t0 = t($1) } /Sampled/ { t1 = t($1) } /IR-MAD (converged|stopped)/ { t2 = t($1) }
  /valid pixels changed/ { t3 = t($1) } /succeeded/ { t4 = t($1) }
  END { if (t4) printf "   job phases (s): open+sample %.1f  IR-MAD fit %.1f  map pass+COG %.1f  stats+result %.2f  (job %.1f s)\n", t1-t0, t2-t1, t3-t2, t4-t3, t4-t0 }' "$OUT/job.log"
grep -o '<wps:LiteralData[^>]*>[^<]*' "$OUT/status.xml" | sed 's/.*>/   literal output: /' || true
grep -o 'href="[^"]*"' "$OUT/status.xml" | sed 's/^/   /' | head -5 || true
[ "$state" = ProcessSucceeded ]
