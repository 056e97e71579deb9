#!/usr/bin/env bash
# 1,000 asynchronous WPS 1.0.0 Executes of Hello through the Kubernetes launcher, each followed to
# its end, against fabric8's mock API server in CRUD mode and the KubeletStandIn test worker: NOT a
# cluster. The server, the mock API server and the stand-in share one JVM (the surefire fork). Prints
# submissions per second, the lag from a Job's Complete condition to the job store's terminal state
# (what the WPS status document shows), and the heap.
#
#   bench/k8s-standin.sh                 # 1,000 executions from 4 client threads
#   EXECUTIONS=200 CLIENTS=8 bench/k8s-standin.sh
# Env: EXECUTIONS (1000)  CLIENTS (4)  OUT (/tmp/candela-bench/k8s-<ts>). The fork's heap is the root pom's -Xmx2g.
# Builds the modules ows-server depends on from this checkout (-am; nothing is installed in ~/.m2).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
OUT=${OUT:-/tmp/candela-bench/k8s-$(date -u +%Y%m%dT%H%M%SZ)}; mkdir -p "$OUT"
# shellcheck source=bench/lib.sh
source "$(dirname "$0")/lib.sh"
echo "== $(git -C "$repo" rev-parse --short HEAD), load $(uptime | sed 's/.*load average: //'), out $OUT"
cpu_since > /dev/null
(cd "$repo" && mvn -o -q -B -pl ows-server -am test -Dtest=KubernetesStandInBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcandela.bench.k8s=true -Dcandela.bench.k8s.executions="${EXECUTIONS:-1000}" -Dcandela.bench.k8s.clients="${CLIENTS:-4}") > "$OUT/mvn.log" 2>&1 || { tail -40 "$OUT/mvn.log"; exit 1; }
grep -h '^k8s-standin:' "$OUT/mvn.log" | awk '!seen[$0]++' | tee "$OUT/figures.txt"
echo "   cpu over the run: $(cpu_since)"
