#!/usr/bin/env bash
# SARChangeDetectionPreprocessing on a pair of generated full-size Sentinel-1 IW GRDH products
# (25000 x 16700 pixels, VV + VH, 10 m) through the processing CLI, as the launcher runs it:
# a job directory with inputs.json -> `candela-processes.jar run SARChangeDetectionPreprocessing <job-dir>`.
# Prints: generation wall time, then per run wall / CPU / peak RSS (/usr/bin/time -v), peak Java heap
# (GC log), wall time per product (job.log) and per step (the process's own "Step times" line).
#
#   bench/sar-preprocessing.sh                        # full size, defaults (20 m UTM, 2x2 looks, refined Lee 7x7)
#   bench/sar-preprocessing.sh -w 4000 -h 3000        # a smaller pair
#   XMX=512m bench/sar-preprocessing.sh               # a fixed heap
#   bench/sar-preprocessing.sh -i '"pixelSize":[{"type":"literal","value":"40"}]'   # extra inputs (JSON members)
# Options: -w WIDTH (25000) -h HEIGHT (16700) -d DIR (/tmp/s1bench: the pair is generated there when absent)
#          -n RUNS (1) -i EXTRA_INPUTS
# Env: XMX  JAVA_OPTS  OUT (/tmp/candela-bench/s1-<ts>)  JAR (use this candela-processes.jar; no build)
# Builds with `mvn -o -q -B -pl wps-processes -am package -DskipTests` when the jar is stale (never install).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
width=25000; height=16700; dir=/tmp/s1bench; runs=1; extra_inputs=""
while [ $# -gt 0 ]; do
  case "$1" in
    -w) width=$2; shift 2 ;; -h) height=$2; shift 2 ;; -d) dir=$2; shift 2 ;; -n) runs=$2; shift 2 ;;
    -i) extra_inputs=",$2"; shift 2 ;;
    --help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "apt-get install time" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/s1-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

prepare_jar
echo "== candela-processes.jar (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) cores, $(java -version 2>&1 | head -1)"

if [ "$(cat "$dir/.size" 2>/dev/null)" != "${width}x${height}" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  echo "== generating the ${width} x ${height} VV+VH pair in $dir (-Xmx256m)  [load $(load)]"
  /usr/bin/time -v -o "$OUT/generate.time" java -Xmx256m -Xlog:gc*:file="$OUT/generate.gc.log" \
    -cp "$jar" eu.candela.wps.samples.Sentinel1ProductGenerator "$dir" "$width" "$height" > "$OUT/generate.out" 2>&1 \
    || { cat "$OUT/generate.out"; exit 1; }
  echo "${width}x${height}" > "$dir/.size"
  read -r w u s c r < <(timev "$OUT/generate.time"); read -r pb pa pc < <(gcpeak "$OUT/generate.gc.log")
  echo "   generate: wall ${w}s user ${u}s sys ${s}s cpu $c peakRSS ${r}MiB heap peak ${pb}MiB (after GC ${pa}, committed ${pc})  [load $(load)]"
  du -sh "$dir"/*.SAFE | sed 's/^/   /'
fi
before=$(ls -d "$dir"/*.SAFE | sort | head -1); after=$(ls -d "$dir"/*.SAFE | sort | tail -1)
echo "== pair: $(basename "$before") + $(basename "$after")"

for i in $(seq 1 "$runs"); do
  jd="$OUT/run$i"; mkdir -p "$jd"
  cat > "$jd/inputs.json" <<JSON
{"processId":"SARChangeDetectionPreprocessing","inputs":{
  "before":[{"type":"file","path":"$before","mimeType":"application/x-sentinel-safe"}],
  "after":[{"type":"file","path":"$after","mimeType":"application/x-sentinel-safe"}]$extra_inputs}}
JSON
  run_measured SARChangeDetectionPreprocessing "$jd"
  printf 'run%s xmx=%s  wall %.1fs  user %.1fs  sys %.1fs  cpu %s  peakRSS %d MiB  heap peak %d MiB (after-GC %d, committed %d)  [load %s -> %s]  %s\n' \
    "$i" "${XMX:-default}" "$w" "$u" "$s" "$c" "$r" "$pb" "$pa" "$pc" "$l0" "$(load)" "$outcome"
  echo "     machine during the run: $cs"
  grep -h 'Target grid\|: multilook [0-9]' "$jd/job.log" | sed 's/^[^ ]* *INFO */     /'
  # per product: from its first tile progress to the "Step times" / next product
  awk 'function t(s,  a) { split(s, a, /[T:Z]/); return a[2]*3600 + a[3]*60 + a[4] }
    /Running process/ { t0 = t($1) } /: multilook [0-9]/ { m[++k] = t($1) } /Step times/ { t9 = t($1) }
    END { if (k == 2 && t9) printf "     wall per product (s): open+grid %.1f  before %.1f  after %.1f\n", m[1]-t0, m[2]-m[1], t9-m[2] }' "$jd/job.log"
  grep -h 'Step times' "$jd/job.log" | sed 's/^.*Step times: /     step times (s, summed over blocks and both products): /'
done
echo "== outputs and logs in $OUT"
