#!/usr/bin/env bash
# GetMap 256x256 PNG in EPSG:3857 from the 10980^2 Float32 T30TYQ COG, several concurrent clients,
# side by side in one run: MapServer 8 (FastCGI, the peer harness) and our server with the same
# blue-yellow-red ramp; then our cached WMTS tiles of the same tile list.
#
#   bench/wms-vs-mapserver.sh              # MapServer, ours (WMS GetMap), ours (WMTS cached tiles)
#   bench/wms-vs-mapserver.sh --ours-only
#
# Env: PEERS (/work/shared/peers)  PEERDATA (/tmp/peerdata)  PORT (a free port)  JAVA_OPTS ("")
#      DURATION (15)  CONCS ("1 2 8")  NURLS (2000)  OUT (/tmp/candela-bench/wms-<timestamp>)  JAR
# Needs: $PEERS/install.sh (mapserver, lighttpd, wrk, python3-gdal) and $PEERS/make-data.sh (the COG).
# Everything listens on 127.0.0.1 only. Nothing in the repository is modified.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
PEERS=${PEERS:-/work/shared/peers}
PEERDATA=${PEERDATA:-/tmp/peerdata}
ours_only=0
for a in "$@"; do
  case "$a" in
    --ours-only) ours_only=1 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown argument $a" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk missing: run $PEERS/install.sh" >&2; exit 2; }
cog=$PEERDATA/s2_t30tyq_cog.tif
[ -s "$cog" ] || { echo "$cog missing: run $PEERS/make-data.sh" >&2; exit 2; }
OUT=${OUT:-/tmp/candela-bench/wms-$(date -u +%Y%m%dT%H%M%SZ)}
mkdir -p "$OUT"
export RESULTS=${RESULTS:-$OUT/results.tsv}
export DURATION=${DURATION:-15} CONCS=${CONCS:-1 2 8} NURLS=${NURLS:-2000}
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
load() { local c; c=$(cpu_since); echo "   [load $(uptime | sed 's/.*load average: //')${c:+ | cpu since last mark: $c}]"; }

jar=${JAR:-$repo/ows-server/target/ows-server.jar}
if [ -z "${JAR:-}" ] && { [ ! -s "$jar" ] || [ -n "$(find "$repo" -path '*/target' -prune -o \( -name '*.java' -o -name pom.xml -o -name '*.yml' \) -newer "$jar" -print -quit)" ]; }; then
  echo "== building (mvn -o -q -B -DskipTests install)"
  (cd "$repo" && mvn -o -q -B -DskipTests install)
fi
cp "$jar" "$OUT/ows-server.jar"
echo "== ows-server.jar $(sha256sum "$OUT/ows-server.jar" | cut -c1-12) (repo $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'))"

# ---- our server, with the COG hard-linked into its data directory (no 466 MB copy)
PORT=${PORT:-$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
data=$(mktemp -d "$(dirname "$cog")/candela-bench-data.XXXXXX")
mkdir -p "$data/eodata/bench"
ln "$cog" "$data/eodata/bench/s2.tif" 2>/dev/null || cp "$cog" "$data/eodata/bench/s2.tif"
pid=""
stop_all() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid"; for _ in $(seq 1 150); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true; echo "== our server stopped (pid $pid)"
  fi
  [ $ours_only = 1 ] || "$PEERS/mapserver.sh" stop >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap stop_all EXIT
# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$OUT/ows-server.jar" --server.address=127.0.0.1 --server.port="$PORT" \
  --candela.data-dir="$data" --candela.samples.generate=false > "$OUT/server.log" 2>&1 &
pid=$!
base="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do
  curl -sf "$base/actuator/health" 2>/dev/null | grep -q '"UP"' && break
  kill -0 "$pid" 2>/dev/null || { echo "server died; see $OUT/server.log" >&2; tail -30 "$OUT/server.log" >&2; exit 1; }
  sleep 0.2
done
echo "== our server pid $pid on $base"

# ---- publish through the REST API, GeoServer style: workspace, store, coverage, style
rest() { curl -sf -o /dev/null -w '%{http_code}' "$@"; }
rest -X POST -H 'Content-Type: application/json' -d '{"workspace":{"name":"bench"}}' "$base/rest/workspaces" >/dev/null
rest -X POST -H 'Content-Type: application/json' \
  -d '{"coverageStore":{"name":"s2","type":"GeoTIFF","url":"file:eodata/bench/s2.tif"}}' "$base/rest/workspaces/bench/coveragestores" >/dev/null
rest -X POST -H 'Content-Type: application/json' -d '{"coverage":{"name":"s2"}}' \
  "$base/rest/workspaces/bench/coveragestores/s2/coverages" >/dev/null
# the peer's ramp: 0 blue, 0.5 yellow, 1 red (mapserver.sh)
rest -X POST -H 'Content-Type: application/vnd.ogc.sld+xml' --data-binary @- "$base/rest/styles?name=peer_ramp" >/dev/null <<'SLD'
<StyledLayerDescriptor version="1.0.0" xmlns="http://www.opengis.net/sld" xmlns:ogc="http://www.opengis.net/ogc">
 <NamedLayer><Name>s2</Name><UserStyle><Name>peer_ramp</Name><FeatureTypeStyle><Rule><RasterSymbolizer>
  <ColorMap type="ramp">
   <ColorMapEntry color="#0000FF" quantity="0"/>
   <ColorMapEntry color="#FFFF00" quantity="0.5"/>
   <ColorMapEntry color="#FF0000" quantity="1.0001"/>
  </ColorMap>
 </RasterSymbolizer></Rule></FeatureTypeStyle></UserStyle></NamedLayer>
</StyledLayerDescriptor>
SLD
rest -X PUT -H 'Content-Type: application/json' -d '{"layer":{"defaultStyle":{"name":"peer_ramp"}}}' \
  "$base/rest/layers/bench:s2" >/dev/null
echo "   published bench:s2 with style peer_ramp"
echo "   server RSS after publish: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1/1024}')"

# ---- MapServer first (same machine, back to back)
if [ $ours_only = 0 ]; then
  echo "== MapServer 8"
  load
  "$PEERS/mapserver.sh" start >/dev/null
  OUTDIR="$OUT/wms-mapserver" "$PEERS/bench-wms.sh" "http://127.0.0.1:${MS_PORT:-18080}/wms" s2 mapserver
  "$PEERS/mapserver.sh" stop >/dev/null
  load
fi

echo "== ours: WMS GetMap"
OUTDIR="$OUT/wms-ours" "$PEERS/bench-wms.sh" "$base/wms" bench:s2 candela
load
echo "   server RSS after GetMap load: $(ps -o rss= -p "$pid" | awk '{printf "%.0f MiB", $1/1024}')"

# ---- WMTS: the same tiles (the GetMap list is whole XYZ tiles) as RESTful GoogleMapsCompatible URLs
/usr/bin/python3 - "$OUT/wms-ours/urls.txt" "$base" > "$OUT/wmts-urls.txt" <<'PY'
import math, sys
from urllib.parse import urlparse, parse_qs
HALF = 20037508.342789244
base = sys.argv[2]
for line in open(sys.argv[1]):
    q = {k.upper(): v[0] for k, v in parse_qs(urlparse(line.strip()).query).items()}
    x0, y0, x1, y1 = map(float, q["BBOX"].split(","))
    z = round(math.log2(2 * HALF / (x1 - x0)))
    t = 2 * HALF / (1 << z)
    col, row = round((x0 + HALF) / t), round((HALF - y1) / t)
    print(f"{base}/wmts/rest/bench:s2/peer_ramp/GoogleMapsCompatible/{z}/{row}/{col}.png")
PY
echo "== ours: WMTS tiles, cache filled by one pass first"
n=0; while read -r u; do curl -sf -o /dev/null "$u" || n=$((n+1)); done < "$OUT/wmts-urls.txt"
[ $n = 0 ] || { echo "$n WMTS tiles failed while filling the cache" >&2; exit 1; }
echo "   tile cache: $(du -sh "$data/gwc" | cut -f1), $(find "$data/gwc" -name '*.png' | wc -l) tiles"
export EXPECT_CTYPE=image/png
for c in $CONCS; do
  "$PEERS/wrkbench.sh" "$OUT/wmts-urls.txt" "$c" "$DURATION" candela-wmts-cached
done
load
echo "== results: $RESULTS"
column -t "$RESULTS" 2>/dev/null || cat "$RESULTS"
