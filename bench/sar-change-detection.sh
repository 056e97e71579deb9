#!/usr/bin/env bash
# SARChangeDetection on a generated full-size pair (25000 x 16700 pixels, VV + VH Float32 dB COGs,
# the shape of SARChangeDetectionPreprocessing's output at 10 m) through the processing CLI, as the
# launcher runs it: a job directory with inputs.json -> `candela-processes.jar run SARChangeDetection <job-dir>`.
# Prints: generation wall time, then per method wall / CPU / peak RSS (/usr/bin/time -v), peak Java heap
# (GC log) and the process's own "Step times" line (fit pass, map pass, overviews, preview).
#
#   bench/sar-change-detection.sh                         # full size; default method, then PCA-k-means
#   bench/sar-change-detection.sh -w 4000 -h 3000         # a smaller pair
#   XMX=1g bench/sar-change-detection.sh                  # a fixed heap
#   bench/sar-change-detection.sh -m 'NEIGHBOURHOOD_RATIO:KI_GENERALIZED_GAUSSIAN:' -m 'LOG_RATIO:OTSU:FUZZY_C_MEANS'
# Options: -w WIDTH (25000) -h HEIGHT (16700) -d DIR (/tmp/sarcdbench: the pair is generated there when absent)
#          -m INDEX:THRESHOLD:CLASSIFIER (repeatable; default the process default and PCA-k-means on the log-ratio)
# Env: XMX  JAVA_OPTS  OUT (/tmp/candela-bench/sarcd-<ts>)  JAR (use this candela-processes.jar; no build)
# Builds with `mvn -o -q -B -pl wps-processes -am package -DskipTests` when the jar is stale (never install).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
width=25000; height=16700; dir=/tmp/sarcdbench; methods=()
while [ $# -gt 0 ]; do
  case "$1" in
    -w) width=$2; shift 2 ;; -h) height=$2; shift 2 ;; -d) dir=$2; shift 2 ;; -m) methods+=("$2"); shift 2 ;;
    --help) sed -n '2,16p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ ${#methods[@]} -gt 0 ] || methods=("NEIGHBOURHOOD_RATIO:KI_GENERALIZED_GAUSSIAN:" "LOG_RATIO:OTSU:PCA_KMEANS")
[ -x /usr/bin/time ] || { echo "apt-get install time" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/sarcd-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

prepare_jar
echo "== candela-processes.jar (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) cores, $(java -version 2>&1 | head -1)"

if [ "$(cat "$dir/.size" 2>/dev/null)" != "${width}x${height}" ]; then
  rm -rf "$dir"; mkdir -p "$dir"
  echo "== generating the ${width} x ${height} VV+VH dB pair in $dir (-Xmx512m)  [load $(load)]"
  /usr/bin/time -v -o "$OUT/generate.time" java -Xmx512m -cp "$jar" eu.candela.wps.samples.SarPairGenerator "$dir" "$width" "$height" 4 1 \
    > "$OUT/generate.out" 2>&1 || { cat "$OUT/generate.out"; exit 1; }
  echo "${width}x${height}" > "$dir/.size"
  read -r w u s c r < <(timev "$OUT/generate.time")
  echo "   generate: wall ${w}s user ${u}s sys ${s}s cpu $c peakRSS ${r}MiB  [load $(load)]"
  du -sh "$dir"/*.tif | sed 's/^/   /'
fi
before=$dir/s1_sigma0_2024-05-02.tif; after=$dir/s1_sigma0_2024-05-14.tif
cog="image/tiff; application=geotiff; profile=cloud-optimized"

i=0
for m in "${methods[@]}"; do
  i=$((i + 1)); IFS=: read -r index threshold classifier <<< "$m"
  jd="$OUT/run$i"; mkdir -p "$jd"
  extra=""; [ -n "$classifier" ] && extra=",\"classifier\":[{\"type\":\"literal\",\"value\":\"$classifier\"}]"
  cat > "$jd/inputs.json" <<JSON
{"processId":"SARChangeDetection","inputs":{
  "before":[{"type":"file","path":"$before","mimeType":"$cog"}],
  "after":[{"type":"file","path":"$after","mimeType":"$cog"}],
  "band":[{"type":"literal","value":"VV"}],
  "index":[{"type":"literal","value":"$index"}],
  "thresholdMethod":[{"type":"literal","value":"$threshold"}]$extra}}
JSON
  run_measured SARChangeDetection "$jd"
  printf 'run%s %s xmx=%s  wall %.1fs  user %.1fs  sys %.1fs  cpu %s  peakRSS %d MiB  heap peak %d MiB (after-GC %d, committed %d)  [load %s -> %s]  %s\n' \
    "$i" "$m" "${XMX:-default}" "$w" "$u" "$s" "$c" "$r" "$pb" "$pa" "$pc" "$l0" "$(load)" "$outcome"
  echo "     machine during the run: $cs"
  grep -h 'Step times' "$jd/job.log" | sed 's/^.*Step times: /     step times: /'
  grep -h 'increased,' "$jd/job.log" | sed 's/^[^ ]* *INFO */     /'
  du -sh "$jd"/outputs/*.tif 2>/dev/null | sed 's/^/     /'
  rm -f "$jd"/outputs/*.tif   # gigabytes each; the numbers above are what the run is for
done
echo "== outputs and logs in $OUT"
