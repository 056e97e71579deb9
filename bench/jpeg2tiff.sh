#!/usr/bin/env bash
# Jpeg2Tiff on a full-size (10980 x 10980) generated Sentinel-2 Level-2A product, through the CLI
# (`candela-processes.jar run Jpeg2Tiff <job-dir>`), with GDAL doing the same work on the same files in
# the same run as the reference:
#   ours   wall, and per step from job.log: decode (JPEG 2000 windows of 10 bands + SCL), resample and
#          scale (20 m -> 10 m nearest, DN -> reflectance, QUALITY), write (COG tiles + overviews);
#          peak heap (GC log and the process's own pool peaks) and peak RSS (/usr/bin/time -v)
#   GDAL   decode only   gdalinfo -checksum of the same 11 JP2 files (JP2OpenJPEG)
#          resample only gdalwarp -r near -tr 10 10 of the six 20 m bands (pre-decoded, untimed)
#          all of it     one VRT (10 bands, 20 m ones nearest onto 10 m, DN*0.0001-0.1, nodata) -> COG
# The product is generated once into $DIR (several minutes at full size) and kept for later runs.
#
#   bench/jpeg2tiff.sh              # 10980, the product in /tmp/s2bench/full
#   SIZE=2400 bench/jpeg2tiff.sh    # a smaller tile (multiple of 6), in /tmp/s2bench/size-2400
# Env: JAR (candela-processes.jar to use as is)  XMX (heap of our run, default 1g)  THREADS (GDAL, 2)
#      OUT (/tmp/candela-bench/j2t-<ts>)  DIR (where the product lives)
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
SIZE=${SIZE:-10980}
DIR=${DIR:-$([ "$SIZE" = 10980 ] && echo /tmp/s2bench/full || echo "/tmp/s2bench/size-$SIZE")}
OUT=${OUT:-/tmp/candela-bench/j2t-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT" "$DIR"
XMX=${XMX:-1g}; THREADS=${THREADS:-2}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN{printf "%.1f", b-a}'; }

# ---- build (package only: never install into the shared ~/.m2)
prepare_jar
echo "== $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'), $(nproc) cores, $(java -version 2>&1 | head -1), $(gdalinfo --version), load $(load)"

# ---- the product (the later date: clouds, shadows, no-data corner)
safe=$(find "$DIR" -maxdepth 1 -name 'S2B_MSIL2A_*.SAFE' | head -1)
if [ -z "$safe" ] || [ ! -s "$safe/manifest.safe" ]; then
  rm -rf "$DIR"/S2*_MSIL2A_*.SAFE
  echo "== generating a ${SIZE}^2 Level-2A product in $DIR  [load $(load)]"
  /usr/bin/time -v -o "$OUT/generate.time" java -Xmx1g -jar "$jar" sample-s2 "$DIR" "$SIZE" Level-2A 04.00 later > "$OUT/generate.out" 2>&1 \
    || { cat "$OUT/generate.out"; exit 1; }
  read -r w u s _ r < <(timev "$OUT/generate.time"); echo "   generated in ${w}s (user ${u}s), peak RSS ${r} MiB"
  safe=$(find "$DIR" -maxdepth 1 -name 'S2B_MSIL2A_*.SAFE' | head -1)
fi
granule=$(find "$safe/GRANULE" -mindepth 1 -maxdepth 1 -type d)
echo "   product $(basename "$safe"): $(du -sm "$safe" | cut -f1) MiB"
bands10="B02 B03 B04 B08"; bands20="B05 B06 B07 B8A B11 B12"
jp2() { find "$granule/IMG_DATA" -name "*_$1_$2m.jp2"; }

# ---- ours
job="$OUT/job"; mkdir -p "$job"
printf '{"processId":"Jpeg2Tiff","inputs":{"product":[{"type":"file","path":"%s","mimeType":"application/x-sentinel-safe"}]}}\n' "$safe" > "$job/inputs.json"
cpu_since > /dev/null
echo "== ours: candela-processes.jar run Jpeg2Tiff (-Xmx$XMX)  [load $(load)]"
/usr/bin/time -v -o "$OUT/ours.time" java "-Xmx$XMX" -Xlog:gc:file="$OUT/ours.gc.log" -jar "$jar" run Jpeg2Tiff "$job" \
  > "$OUT/ours.out" 2>&1 || { tail -20 "$OUT/ours.out"; cat "$job/job.log" 2>/dev/null | tail; exit 1; }
read -r w u s _ r < <(timev "$OUT/ours.time"); read -r pb _ pc < <(gcpeak "$OUT/ours.gc.log")
echo "   wall ${w}s user ${u}s sys ${s}s, peak RSS ${r} MiB, heap peak ${pb} MiB (committed ${pc})  [$(cpu_since)]"
grep -o 'Timings: .*' "$job/job.log" | sed 's/^/   /'
out=$(find "$job/outputs" -name '*.tif' | head -1)
echo "   $(basename "$out"): $(du -m "$out" | cut -f1) MiB, $(gdalinfo "$out" | grep -c '^Band ') bands, $(gdalinfo "$out" | grep -o 'LAYOUT=COG' | head -1)"

# ---- GDAL: decode only
echo "== GDAL decode: gdalinfo -checksum of the 10 bands and SCL (GDAL_NUM_THREADS=$THREADS)  [load $(load)]"
t=$(now)
for b in $bands10; do GDAL_NUM_THREADS=$THREADS gdalinfo -checksum "$(jp2 "$b" 10)" > /dev/null; done
for b in $bands20 SCL; do GDAL_NUM_THREADS=$THREADS gdalinfo -checksum "$(jp2 "$b" 20)" > /dev/null; done
echo "   decode ${SIZE}^2 x4 + $((SIZE/2))^2 x7: $(since "$t") s"

# ---- GDAL: resample only (20 m -> 10 m nearest), from pre-decoded GeoTIFFs
ulx=300000; uly=4900020; lrx=$((ulx + SIZE * 10)); lry=$((uly - SIZE * 10))
mkdir -p "$OUT/gdal"
for b in $bands20; do
  GDAL_NUM_THREADS=$THREADS gdal_translate -q -a_srs EPSG:32631 -a_ullr $ulx $uly $lrx $lry "$(jp2 "$b" 20)" "$OUT/gdal/$b.20m.tif"
done
echo "== GDAL resample: gdalwarp -r near -tr 10 10 of the six 20 m bands  [load $(load)]"
t=$(now)
for b in $bands20; do gdalwarp -q -r near -tr 10 10 -wo NUM_THREADS=$THREADS "$OUT/gdal/$b.20m.tif" "$OUT/gdal/$b.10m.tif"; done
echo "   resample 6 x $((SIZE/2))^2 -> ${SIZE}^2: $(since "$t") s"
rm -f "$OUT"/gdal/*.tif

# ---- GDAL: the whole conversion, one VRT -> COG
vrt="$OUT/gdal/s2.vrt"
{
  echo "<VRTDataset rasterXSize=\"$SIZE\" rasterYSize=\"$SIZE\"><SRS>EPSG:32631</SRS><GeoTransform>$ulx, 10, 0, $uly, 0, -10</GeoTransform>"
  i=1
  for b in $bands10 $bands20; do
    case " $bands10 " in *" $b "*) res=10; n=$SIZE ;; *) res=20; n=$((SIZE/2)) ;; esac
    echo "<VRTRasterBand dataType=\"Float32\" band=\"$i\"><Description>$b</Description><NoDataValue>-9999</NoDataValue>"
    echo "<ComplexSource resampling=\"nearest\"><SourceFilename>$(jp2 "$b" $res)</SourceFilename><SourceBand>1</SourceBand>"
    echo "<SrcRect xOff=\"0\" yOff=\"0\" xSize=\"$n\" ySize=\"$n\"/><DstRect xOff=\"0\" yOff=\"0\" xSize=\"$SIZE\" ySize=\"$SIZE\"/>"
    echo "<NODATA>0</NODATA><ScaleOffset>-0.1</ScaleOffset><ScaleRatio>0.0001</ScaleRatio></ComplexSource></VRTRasterBand>"
    i=$((i + 1))
  done
  echo "</VRTDataset>"
} > "$vrt"
echo "== GDAL all: gdal_translate -of COG (DEFLATE, 512 blocks) of the 10-band VRT  [load $(load)]"
/usr/bin/time -v -o "$OUT/gdal.time" env GDAL_NUM_THREADS=$THREADS gdal_translate -q -of COG -co COMPRESS=DEFLATE -co BLOCKSIZE=512 \
  -co NUM_THREADS=$THREADS "$vrt" "$OUT/gdal/gdal.tif"
read -r w u s _ r < <(timev "$OUT/gdal.time")
echo "   wall ${w}s user ${u}s sys ${s}s, peak RSS ${r} MiB; $(du -m "$OUT/gdal/gdal.tif" | cut -f1) MiB"
rm -f "$OUT/gdal/gdal.tif"
echo "== done; logs in $OUT  [load $(load)]"
