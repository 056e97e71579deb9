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
#   bench/optical-chain.sh -p              # from two SAFE products: the whole chain, the two Jpeg2Tiff steps included
#   bench/optical-chain.sh -p -s 2196      # the same on a smaller generated tile (multiple of 6)
# -p: inputs 'before'/'after' as eodata:<name>.SAFE with CANDELA_EODATA=DIR, a Level-2A 04.00 pair of
# Sentinel2ProductGenerator (DIR /tmp/s2bench/full at 10980, else /tmp/s2bench/size-SIZE, as bench/jpeg2tiff.sh);
# missing products are generated (`sample-s2`; only the earlier date, through jshell, when the later one is
# there already), and the merged mask is scored against the generator's change truth (F1, python3-gdal).
# Options: -s SIZE (10980)  -d DIR (/tmp/opticalbench)  -z SUB_IMAGE (2048)  -o OVERLAP (128)  -c CONCURRENCY (2)  -p
# Env: XMX (heap of the chain JVM, default 1g; 2g with -p, where two full-tile Jpeg2Tiff steps share it)  OUT (/tmp/candela-bench/optical-<ts>)  JAR (use as is)
# Builds with `mvn -o -q -B -pl wps-processes -am package -DskipTests` when the jar is stale (never install).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
size=10980; dir=""; sub=2048; overlap=128; conc=2; before=""; after=""; products=""
while [ $# -gt 0 ]; do
  case "$1" in
    -s) size=$2; shift 2 ;; -d) dir=$2; shift 2 ;; -z) sub=$2; shift 2 ;; -o) overlap=$2; shift 2 ;;
    -c) conc=$2; shift 2 ;; -b) before=$2; shift 2 ;; -a) after=$2; shift 2 ;; -p) products=1; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
[ -x /usr/bin/time ] || { echo "apt-get install time" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/optical-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"

prepare_jar
echo "== candela-processes.jar (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')), $(nproc) cores, $(java -version 2>&1 | head -1)"

if [ -n "$products" ]; then
  dir=${dir:-$([ "$size" = 10980 ] && echo /tmp/s2bench/full || echo "/tmp/s2bench/size-$size")}; mkdir -p "$dir"
  dir=$(cd "$dir" && pwd)
  safe() { find "$dir" -maxdepth 1 -name "$1_MSIL2A_*_N0400_*.SAFE" -exec test -s '{}/manifest.safe' ';' -print | head -1; }
  truth="$dir/T31TCJ_change_truth.tif"
  if [ -z "$(safe S2B)" ] && [ -z "$(safe S2A)" ]; then
    echo "== generating the ${size}^2 Level-2A pair in $dir (sample-s2, -Xmx1g)  [load $(load)]"
    /usr/bin/time -v -o "$OUT/generate.time" java -Xmx1g -jar "$jar" sample-s2 "$dir" "$size" Level-2A 04.00 \
      > "$OUT/generate.out" 2>&1 || { cat "$OUT/generate.out"; exit 1; }
  elif [ -z "$(safe S2B)" ]; then
    echo "== generating the later ${size}^2 Level-2A product in $dir (sample-s2 ... later, -Xmx1g)  [load $(load)]"
    /usr/bin/time -v -o "$OUT/generate.time" java -Xmx1g -jar "$jar" sample-s2 "$dir" "$size" Level-2A 04.00 later \
      > "$OUT/generate.out" 2>&1 || { cat "$OUT/generate.out"; exit 1; }
  fi
  if [ -z "$(safe S2A)" ] || [ ! -s "$truth" ]; then
    # sample-s2 writes the pair or only the later date: the earlier one and the truth through the generator's API
    echo "== generating the earlier ${size}^2 Level-2A product and the change truth in $dir (jshell, -Xmx1g)  [load $(load)]"
    cat > "$OUT/earlier.jsh" <<'JSH'
import eu.candela.wps.samples.*;
import eu.candela.eodata.sentinel2.ProcessingLevel;
import java.nio.file.Path;
var dir = Path.of(System.getProperty("archive"));
var scene = new SyntheticSentinel2Scene(Integer.getInteger("size"), 20170419L); // ProcessCli.SAMPLE_SEED
System.out.println(Sentinel2ProductGenerator.generate(dir, scene, 0, ProcessingLevel.LEVEL_2A, "04.00"));
Sentinel2ProductGenerator.writeTruth(dir.resolve(Sentinel2ProductGenerator.TRUTH_FILE), scene);
/exit
JSH
    [ -z "$(safe S2A)" ] || rm -rf "$(safe S2A)"
    /usr/bin/time -v -o "$OUT/generate.time" jshell --class-path "$jar" -R-Xmx1g -R-Darchive="$dir" -R-Dsize="$size" "$OUT/earlier.jsh" \
      > "$OUT/generate.out" 2>&1 || { cat "$OUT/generate.out"; exit 1; }
  fi
  if [ -s "$OUT/generate.time" ]; then
    read -r w u s c r < <(timev "$OUT/generate.time"); echo "   generate: wall ${w}s user ${u}s cpu $c peakRSS ${r}MiB"
  fi
  before=$(safe S2A); after=$(safe S2B)
  [ -n "$before" ] && [ -n "$after" ] || { echo "no pair of products in $dir" >&2; exit 1; }
  du -sm "$before" "$after" | awk '{n = split($2, p, "/"); printf "   %s %.0f MiB\n", p[n], $1}'
  find "$before" "$after" -name '*.jp2' -exec cat '{}' + > /dev/null
elif [ -z "$before" ]; then
  dir=${dir:-/tmp/opticalbench}; pdir="$dir/$size"
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
if [ -z "$products" ]; then
  ls -l "$before" "$after" | awk '{printf "   %s %.0f MiB\n", $NF, $5/1048576}'
  cat "$before" "$after" > /dev/null
fi

jd="$OUT/chain"; mkdir -p "$jd"
if [ -n "$products" ]; then
  export CANDELA_EODATA="$dir"
  scenes='"before":[{"type":"file","path":"eodata:'"$(basename "$before")"'","mimeType":"application/x-sentinel-safe"}],
  "after":[{"type":"file","path":"eodata:'"$(basename "$after")"'","mimeType":"application/x-sentinel-safe"}],'
else
  scenes='"beforeImage":[{"type":"file","path":"'"$before"'","mimeType":"image/tiff; application=geotiff"}],
  "afterImage":[{"type":"file","path":"'"$after"'","mimeType":"image/tiff; application=geotiff"}],'
fi
cat > "$jd/inputs.json" <<JSON
{"processId":"OpticalChangeDetectionChain","inputs":{
  $scenes
  "size":[{"type":"literal","value":"$sub"}], "overlap":[{"type":"literal","value":"$overlap"}],
  "concurrency":[{"type":"literal","value":"$conc"}]}}
JSON
# with -p the two conversions run in this one JVM at once: a full tile each needs about 1 GiB (§7)
[ -n "$products" ] && XMX=${XMX:-2g}
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
for s in "$jd"/steps/convert-*/; do   # Jpeg2Tiff's own split of its time, as in bench/jpeg2tiff.sh
  grep -o 'Timings: .*' "$s/job.log" | sed "s|^|   $(basename "$s"): |"
done
grep -h "valid pixels changed" "$jd"/steps/merge/job.log | sed 's/^[^ ]* *INFO */   merge: /'
if [ -n "$products" ] && [ -s "$truth" ]; then
  mask="$jd/outputs/change_mask.tif"
  # Row strips, so that a full tile is not one array; pixels valid in both (neither 255) count.
  /usr/bin/python3 - "$mask" "$truth" <<'PY' || echo "   F1: not scored (python3-gdal?)"
import sys
from osgeo import gdal
ds = [gdal.Open(f) for f in sys.argv[1:3]]   # kept: a band outlives its dataset only as a dangling pointer
m, t = (d.GetRasterBand(1) for d in ds)
assert (m.XSize, m.YSize) == (t.XSize, t.YSize), "mask and truth differ in size"
tp = fp = fn = n = 0
for y in range(0, m.YSize, 512):
    h = min(512, m.YSize - y)
    a = m.ReadAsArray(0, y, m.XSize, h); b = t.ReadAsArray(0, y, t.XSize, h)
    v = (a != 255) & (b != 255); n += int(v.sum())
    tp += int((v & (a == 1) & (b == 1)).sum()); fp += int((v & (a == 1) & (b == 0)).sum()); fn += int((v & (a == 0) & (b == 1)).sum())
p = tp / (tp + fp) if tp + fp else 0.0; r = tp / (tp + fn) if tp + fn else 0.0
print("   mask vs truth (%d px valid in both): precision %.3f recall %.3f F1 %.3f" % (n, p, r, 2 * p * r / (p + r) if p + r else 0.0))
PY
fi
du -sh "$jd/steps" | awk '{print "   working space of the steps: " $1}'
echo "== files: $OUT"
