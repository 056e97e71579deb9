#!/usr/bin/env bash
# OpticalChangeDetectionChain on a full-size generated pair, through the processing CLI as a launcher
# runs it (`candela-processes.jar run OpticalChangeDetectionChain <job-dir>`, the in-process workflow
# runtime: every step a job directory under <job-dir>/steps, ChangeDetection steps CONCURRENCY at a time).
# Prints: generation time, the chain's wall time, CPU, peak RSS and peak heap (GC log), and the wall
# time of each step (first to last line of its job.log) and of each kind of step in all.
#
#   bench/optical-chain.sh                 # 10980^2 cloudy L2A-like pair (CloudyPairGenerator) in /tmp/opticalbench
#   bench/optical-chain.sh -s 4096         # a smaller pair
#   bench/optical-chain.sh -b B.tif -a A.tif   # any pair of converted scenes (Jpeg2Tiff outputs)
# Options: -s SIZE (10980)  -d DIR (/tmp/opticalbench)  -z SUB_IMAGE (2048)  -o OVERLAP (128)  -c CONCURRENCY (2)
# Env: XMX (heap of the chain JVM, default 1g)  OUT (/tmp/candela-bench/optical-<ts>)  JAR (use as is)
# Builds with `mvn -o -q -B -pl wps-processes -am package -DskipTests` when the jar is stale (never install).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
size=10980; dir=/tmp/opticalbench; sub=2048; overlap=128; conc=2; before=""; after=""
while [ $# -gt 0 ]; do
  case "$1" in
    -s) size=$2; shift 2 ;; -d) dir=$2; shift 2 ;; -z) sub=$2; shift 2 ;; -o) overlap=$2; shift 2 ;;
    -c) conc=$2; shift 2 ;; -b) before=$2; shift 2 ;; -a) after=$2; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "apt-get install time" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/optical-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

prepare_jar
echo "== candela-processes.jar (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) cores, $(java -version 2>&1 | head -1)"

if [ -z "$before" ]; then
  pdir="$dir/$size"
  before="$pdir/S2A_MSIL2A_20170419T105621_N0400_R094_T30TXQ.tif"; after="$pdir/S2A_MSIL2A_20170429T105621_N0400_R094_T30TXQ.tif"
  if [ ! -s "$before" ] || [ ! -s "$after" ]; then
    mkdir -p "$pdir"
    echo "== generating the ${size}^2 cloudy pair in $pdir (-Xmx512m)  [load $(load)]"
    /usr/bin/time -v -o "$OUT/generate.time" java -Xmx512m -cp "$jar" eu.candela.wps.samples.CloudyPairGenerator "$pdir" "$size" \
      > "$OUT/generate.out" 2>&1 || { cat "$OUT/generate.out"; exit 1; }
    read -r w u s c r < <(timev "$OUT/generate.time")
    echo "   generate: wall ${w}s user ${u}s cpu $c peakRSS ${r}MiB"
  fi
fi
ls -l "$before" "$after" | awk '{printf "   %s %.0f MiB\n", $NF, $5/1048576}'
cat "$before" "$after" > /dev/null

jd="$OUT/chain"; mkdir -p "$jd"
cat > "$jd/inputs.json" <<JSON
{"processId":"OpticalChangeDetectionChain","inputs":{
  "beforeImage":[{"type":"file","path":"$before","mimeType":"image/tiff; application=geotiff"}],
  "afterImage":[{"type":"file","path":"$after","mimeType":"image/tiff; application=geotiff"}],
  "size":[{"type":"literal","value":"$sub"}], "overlap":[{"type":"literal","value":"$overlap"}],
  "concurrency":[{"type":"literal","value":"$conc"}]}}
JSON
echo "== chain: sub-images ${sub} px, overlap ${overlap}, concurrency ${conc}, -Xmx${XMX:-1g}  [load $(load)]"
cpu_since > /dev/null
set +e
CANDELA_WORKFLOW_MAX_CONCURRENT_STEPS=$conc /usr/bin/time -v -o "$jd/time.txt" java -Xmx"${XMX:-1g}" -Xlog:gc*:file="$jd/gc.log" \
  -jar "$jar" run OpticalChangeDetectionChain "$jd" > "$jd/stdout.txt" 2> "$jd/progress.txt"
rc=$?
set -e
read -r w u s c r < <(timev "$jd/time.txt"); read -r pb pa _ < <(gcpeak "$jd/gc.log")
echo "   chain: rc=$rc wall ${w}s user ${u}s sys ${s}s cpu $c peakRSS ${r}MiB heap peak ${pb}MiB (after GC ${pa})  [load $(load); $(cpu_since)]"
[ $rc = 0 ] || { tail -5 "$jd/job.log"; exit 1; }
echo "== steps (wall s from the first to the last line of each step's job.log):"
for s in "$jd"/steps/*/; do
  n=$(basename "$s")
  awk -v n="$n" 'function t(x, a) { split(x, a, /[T:Z]/); return a[2]*3600 + a[3]*60 + a[4] }
    NR == 1 { t0 = t($1) } { t1 = t($1) } END { printf "%s\t%.1f\n", n, t1 - t0 }' "$s/job.log"
done | sort -k1,1 > "$OUT/steps.tsv"
awk -F'\t' '{ k = $1; sub(/-.*/, "", k); sum[k] += $2; cnt[k]++; if ($2 > mx[k]) mx[k] = $2 }
  END { for (k in sum) printf "   %-8s %3d step(s): %7.1f s in all, longest %6.1f s\n", k, cnt[k], sum[k], mx[k] }' "$OUT/steps.tsv" | sort
awk 'function t(x, a) { split(x, a, /[T:Z]/); return a[2]*3600 + a[3]*60 + a[4] }
  NR == 1 { t0 = t($1) } /sub-image pairs of/ { f = t($1) } { t1 = t($1) } END { printf "   detections fan-out started at +%.1f s of the chain\n", f - t0 }' "$jd/job.log"
grep -h "valid pixels changed" "$jd"/steps/merge/job.log | sed 's/^[^ ]* *INFO */   merge: /'
du -sh "$jd/steps" | awk '{print "   working space of the steps: " $1}'
echo "== files: $OUT"
