#!/usr/bin/env bash
# ChangeDetection (IR-MAD) throughput through the processing CLI, exactly as the launcher runs it:
# a job directory with inputs.json -> `candela-processes.jar run ChangeDetection <job-dir>`.
# Per run: wall time (/usr/bin/time -v), CPU, peak RSS, peak Java heap (from the GC log),
# phases (from job.log timestamps), and megapixels per second = width*height / wall seconds.
#
#   bench/change-detection.sh                          # 3 runs on the 4096^2 x 4-band sample pair
#   bench/change-detection.sh -n 5 -s 2048             # 5 runs on a 2048^2 pair
#   bench/change-detection.sh -b /tmp/peerdata/pair_t1.tif -a /tmp/peerdata/pair_t2.tif   # any pair
#   XMX=256m bench/change-detection.sh -n 1            # fixed heap (default: the JVM's default)
#   bench/change-detection.sh --xmx-sweep "64m 128m 256m 512m"   # smallest heap that completes
#
# Options: -n RUNS (3)  -s SIZE (4096)  -d PAIR_DIR (/tmp/cdbench; the sample pair is generated there
#          when absent, under -Xmx256m, itself timed)  -b BEFORE -a AFTER (use these files instead)
#          --jfr (JFR of the first run -> $OUT/run1.jfr and its top hot frames)  --xmx-sweep "LIST"
# Env: XMX (heap for the runs, e.g. 512m)  JAVA_OPTS (extra)  OUT (/tmp/candela-bench/cd-<ts>)
#      JAR (use this candela-processes.jar as is: no build check)
# Nothing in the repository is modified; the jar is copied first (a concurrent build may rewrite it).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
runs=3; size=4096; dir=/tmp/cdbench; before=""; after=""; jfr=0; sweep=""
while [ $# -gt 0 ]; do
  case "$1" in
    -n) runs=$2; shift 2 ;; -s) size=$2; shift 2 ;; -d) dir=$2; shift 2 ;;
    -b) before=$2; shift 2 ;; -a) after=$2; shift 2 ;;
    --jfr) jfr=1; shift ;; --xmx-sweep) sweep=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "apt-get install time" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/cd-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

# ---- build check
jar=${JAR:-$repo/wps-processes/target/candela-processes.jar}
if [ -z "${JAR:-}" ] && { [ ! -s "$jar" ] || [ -n "$(find "$repo/wps-processes" "$repo/eodata-store" -path '*/target' -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; }; then
  echo "== building (mvn -o -q -B -DskipTests install)"
  (cd "$repo" && mvn -o -q -B -DskipTests install)
fi
cp "$jar" "$OUT/candela-processes.jar"; jar="$OUT/candela-processes.jar"
echo "== candela-processes.jar $(sha256sum "$jar" | cut -c1-12) (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) cores, $(java -version 2>&1 | head -1)"


# ---- the pair
if [ -z "$before" ]; then
  before="$dir/bordeaux_2017-04-19.tif"; after="$dir/bordeaux_2017-04-29.tif"
  if [ ! -s "$before" ] || [ ! -s "$after" ] || [ "$(cat "$dir/.size" 2>/dev/null)" != "$size" ]; then
    mkdir -p "$dir"; rm -f "$dir"/*.tif
    echo "== generating the ${size}^2 sample pair in $dir (-Xmx256m)  [load $(load)]"
    /usr/bin/time -v -o "$OUT/sample.time" java -Xmx256m -Xlog:gc*:file="$OUT/sample.gc.log" \
      -jar "$jar" sample "$dir" "$size" > "$OUT/sample.out" 2>&1 || { cat "$OUT/sample.out"; exit 1; }
    echo "$size" > "$dir/.size"
    read -r w u s c r < <(timev "$OUT/sample.time" 2); read -r pb pa pc < <(gcpeak "$OUT/sample.gc.log" exit-summary)
    echo "   sample: wall ${w}s user ${u}s sys ${s}s cpu $c peakRSS ${r}MiB heap peak ${pb}MiB (after GC ${pa}, committed ${pc})  [load $(load)]"
    ls -l "$dir"/*.tif | awk '{printf "   %s %.1f MiB\n", $NF, $5/1048576}'
  fi
fi
before=$(readlink -f "$before"); after=$(readlink -f "$after")
px=$(/usr/bin/python3 - "$before" <<'PY' 2>/dev/null || true
import sys
try:
    from osgeo import gdal
    d = gdal.Open(sys.argv[1]); print(d.RasterXSize * d.RasterYSize)
except Exception:
    pass
PY
)
[ -n "$px" ] || px=$((size * size))
echo "== pair: $before + $after ($px pixels)"
cat "$before" "$after" > /dev/null   # page cache warm

# one run: run LABEL XMX -> prints a result line; sets last_ok
run_once() {
  local label=$1 xmx=$2 extra=${3:-}
  local jd="$OUT/$label"; rm -rf "$jd"; mkdir -p "$jd"
  cat > "$jd/inputs.json" <<JSON
{"processId":"ChangeDetection","inputs":{
  "before":[{"type":"file","path":"$before","mimeType":"image/tiff; application=geotiff"}],
  "after":[{"type":"file","path":"$after","mimeType":"image/tiff; application=geotiff"}]}}
JSON
  local l0; l0=$(load); cpu_since > /dev/null
  local heap=(); [ -n "$xmx" ] && heap=("-Xmx$xmx")
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$jd/time.txt" java "${heap[@]}" -Xlog:gc*:file="$jd/gc.log" ${JAVA_OPTS:-} $extra \
    -jar "$jar" run ChangeDetection "$jd" > "$jd/stdout.txt" 2> "$jd/progress.txt"
  local rc=$?
  set -e
  local cs; cs=$(cpu_since)
  read -r w u s c r < <(timev "$jd/time.txt" 2); read -r pb pa pc < <(gcpeak "$jd/gc.log" exit-summary)
  local mps=-; [ $rc = 0 ] && mps=$(awk -v p="$px" -v w="$w" 'BEGIN{printf "%.2f", p/1e6/w}')
  # phases from job.log: start -> "Sampled" -> "IR-MAD" -> "valid pixels changed" -> "succeeded"
  local ph; ph=$(awk -v wall="$w" '
    function t(s,  a) { split(s, a, /[T:Z]/); return a[2]*3600 + a[3]*60 + a[4] }
    /Running process/ { t0 = t($1) } /Sampled/ { t1 = t($1) } /IR-MAD (converged|stopped)/ { t2 = t($1) }
    /valid pixels changed/ { t3 = t($1) } /succeeded/ { t4 = t($1) }
    END { if (t4) printf "JVM+bind %.1f  open+sample %.1f  IR-MAD fit %.1f  map pass+COG %.1f  stats+result %.2f", wall-(t4-t0), t1-t0, t2-t1, t3-t2, t4-t3 }' "$jd/job.log" 2>/dev/null)
  local outcome=OK; [ $rc = 0 ] || outcome="FAILED(rc=$rc: $(tail -1 "$jd/progress.txt"))"
  printf '%-8s xmx=%-7s %7s MP/s  wall %7.2fs  user %7.2fs  sys %5.2fs  cpu %5s  peakRSS %5d MiB  heap peak %5d MiB (after-GC %d, committed %d)  [load %s -> %s]  %s\n' \
    "$label" "${xmx:-default}" "$mps" "$w" "$u" "$s" "$c" "$r" "$pb" "$pa" "$pc" "$l0" "$(load)" "$outcome"
  [ -n "$ph" ] && echo "         phases (s): $ph"
  echo "         machine during the run: $cs"
  [ $rc = 0 ] && grep -h 'valid pixels changed' "$jd/job.log" | sed 's/^[^ ]* *INFO */         /'
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "${xmx:-default}" "$mps" "$w" "$u" "$s" "$r" "$pb" "$pa" "$l0" "$rc" "$cs" >> "$OUT/runs.tsv"
  last_ok=$rc
}

if [ -n "$sweep" ]; then
  echo "== heap sweep: $sweep"
  for x in $sweep; do run_once "xmx-$x" "$x"; done
  exit 0
fi
echo "== $runs run(s), heap ${XMX:-JVM default}"
: > "$OUT/runs.tsv"
for i in $(seq 1 "$runs"); do
  extra=""
  [ $jfr = 1 ] && [ "$i" = 1 ] && extra="-XX:StartFlightRecording=filename=$OUT/run1.jfr,settings=profile"
  run_once "run$i" "${XMX:-}" "$extra"
done
echo "== median of $runs:"
sort -t$'\t' -k4,4n "$OUT/runs.tsv" | awk -F'\t' -v n="$runs" 'NR == int((n + 1) / 2) {
  printf "   %s MP/s, wall %s s, peak RSS %s MiB, peak heap %s MiB (run %s)\n", $3, $4, $7, $8, $1 }'
awk -F'\t' '$11 != 0 { bad++ } END { if (bad) print "   WARNING: " bad " run(s) failed" }' "$OUT/runs.tsv"
if [ $jfr = 1 ] && [ -s "$OUT/run1.jfr" ]; then
  echo "== hot frames (top of stack, jdk.ExecutionSample, run1):"
  jfr print --events jdk.ExecutionSample "$OUT/run1.jfr" | awk '/stackTrace = \[/ { getline; sub(/^ +/, ""); print }' \
    | sed 's/line:.*//' | sort | uniq -c | sort -rn | head -15
fi
echo "== files: $OUT"
