# Shared by the bench scripts (sourced, not run). Needs $OUT set to the run's output folder.

# CPU shares since the previous call, from /proc/stat: steal (st) is CPU time the hypervisor gave to
# other guests, which uptime does not show; a run with st or wa above a few % is disturbed.
cpu_since() {   # state in a file, so that it also works from $(...) subshells
  local now prev; now=$(awk '/^cpu /{print $2+$3, $4+$7+$8, $5, $6, $9}' /proc/stat)
  prev=$(cat "$OUT/.cpustat" 2>/dev/null || true)
  if [ -n "$prev" ]; then
    awk -v a="$prev" -v b="$now" 'BEGIN { split(a, x, " "); split(b, y, " "); t = 0
      for (i = 1; i <= 5; i++) { d[i] = y[i] - x[i]; t += d[i] } if (t <= 0) t = 1
      printf "us %.0f%% sy %.0f%% id %.0f%% wa %.0f%% st %.0f%%", 100*d[1]/t, 100*d[2]/t, 100*d[3]/t, 100*d[4]/t, 100*d[5]/t }'
  fi
  echo "$now" > "$OUT/.cpustat"
}

# Load averages (1/5/15 min) as "a/b/c".
load() { uptime | sed 's/.*load average: //; s/,//g' | awk '{print $1"/"$2"/"$3}'; }

# /usr/bin/time -v file -> "wall user sys cpu% rss_mib" (seconds with DECIMALS decimals, default 1).
timev() { awk -F': ' -v d="${2:-1}" '
  /Elapsed \(wall clock\)/ { n=split($2, p, ":"); w=0; for (i=1;i<=n;i++) w=w*60+p[i] }
  /User time/ { u=$2 } /System time/ { s=$2 } /Percent of CPU/ { c=$2 } /Maximum resident set size/ { r=$2/1024 }
  END { f = "%." d "f"; printf f " " f " " f " %s %.0f\n", w, u, s, c, r }' "$1"; }

# GC log -> "peak_used_before_gc peak_used_after_gc peak_committed" in MiB, from the unified-logging pause
# lines "123M->45M(256M)". With a second argument "exit-summary", the "garbage-first heap total ..., used"
# summary printed at exit (-Xlog:gc*) also counts towards the first figure.
gcpeak() { awk -v summary="${2:-}" '
  function mib(v,  u, n) { u = substr(v, length(v)); n = substr(v, 1, length(v) - 1) + 0
    return u == "K" ? n / 1024 : (u == "G" ? n * 1024 : (u == "M" ? n : v / 1048576)) }
  match($0, /[0-9.]+[KMG]->[0-9.]+[KMG]\([0-9.]+[KMG]\)/) {
    s = substr($0, RSTART, RLENGTH); split(s, a, /->|\(|\)/)
    b = mib(a[1]); f = mib(a[2]); c = mib(a[3])
    if (b > pb) pb = b; if (f > pa) pa = f; if (c > pc) pc = c }
  summary == "exit-summary" && /garbage-first heap +total/ {
    for (i = 1; i <= NF; i++) if ($i == "used") { u = $(i+1); sub(/,$/, "", u); if (mib(u) > pb) pb = mib(u) } }
  END { printf "%.0f %.0f %.0f\n", pb, pa, pc }' "$1"; }

# Sets $jar to a copy in $OUT of candela-processes.jar (a concurrent build may rewrite the original).
# Unless $JAR names a jar to use as is, first packages wps-processes when its jar is older than the sources
# of wps-processes or eodata-store (package only: never install into the shared ~/.m2). Needs $repo.
prepare_jar() {
  jar=${JAR:-$repo/wps-processes/target/candela-processes.jar}
  if [ -z "${JAR:-}" ] && { [ ! -s "$jar" ] || [ -n "$(find "$repo/wps-processes" "$repo/eodata-store" -path '*/target' -prune -o \( -name '*.java' -o -name pom.xml \) -newer "$jar" -print -quit)" ]; }; then
    echo "== building (mvn -o -q -B -pl wps-processes -am package -DskipTests)"
    (cd "$repo" && mvn -o -q -B -pl wps-processes -am package -DskipTests)
  fi
  cp "$jar" "$OUT/candela-processes.jar"; jar="$OUT/candela-processes.jar"
}

# Runs `candela-processes.jar run PROCESS JOB_DIR` under /usr/bin/time -v with a GC log in JOB_DIR
# (heap from $XMX when set, extra JVM flags from $JAVA_OPTS) and sets, for the caller's report:
# rc, w u s c r (timev), pb pa pc (gcpeak), l0 (load before), cs (CPU shares during) and outcome.
run_measured() {
  local process=$1 jd=$2 heap=()
  [ -n "${XMX:-}" ] && heap=("-Xmx$XMX")
  l0=$(load); cpu_since > /dev/null
  set +e
  # shellcheck disable=SC2086
  /usr/bin/time -v -o "$jd/time.txt" java "${heap[@]}" -Xlog:gc*:file="$jd/gc.log" ${JAVA_OPTS:-} \
    -jar "$jar" run "$process" "$jd" > "$jd/stdout.txt" 2> "$jd/progress.txt"
  rc=$?
  set -e
  cs=$(cpu_since)
  read -r w u s c r < <(timev "$jd/time.txt"); read -r pb pa pc < <(gcpeak "$jd/gc.log")
  outcome=OK; [ "$rc" = 0 ] || outcome="FAILED(rc=$rc: $(tail -1 "$jd/progress.txt"))"
}
