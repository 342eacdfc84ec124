#!/bin/bash
# One load run against the service on Redis, and where the machine's CPU went: the service's, Redis's and the load
# driver's cores, and per hop; Redis commands per hop. For measuring one change at a time (run it before and after,
# interleaved, a few times: the machine is noisy); the ratio to the bare server is bench-ussd-baseline.sh's job.
#   bash ops/bench-cpu-split.sh MIX [PHONES=256] [SECONDS=15]     MIX: browse | register | status | pay
# Extra JVM options for the service in JOPTS (e.g. JOPTS=-Dkentongan.redis.noConsolidation=true); KENTONGAN_* settings
# from the environment (e.g. KENTONGAN_LIMIT_HOPS_IN_FLIGHT=128). Run from the repository root after a package.
set -euo pipefail
MIX=$1; C=${2:-256}; S=${3:-15}
JAR=$(mktemp --suffix=.jar); cp target/kentongan.jar $JAR
NS=split$RANDOM
KENTONGAN_REDIS_URL=redis://127.0.0.1:6379 KENTONGAN_REDIS_NAMESPACE=$NS KENTONGAN_LOG_LEVEL=WARN KENTONGAN_LIMIT_HOPS_PER_MINUTE=1000000 \
  java ${JOPTS:-} -jar $JAR serve > /dev/null 2>&1 &
P=$!
OUT=$(mktemp -d)
trap 'kill $P 2>/dev/null; redis-cli --scan --pattern "$NS:*" | xargs -r -n 1000 redis-cli unlink > /dev/null; rm -rf "$JAR" "$OUT"' EXIT
for i in $(seq 1 100); do curl -sf http://127.0.0.1:8080/health > /dev/null && break; sleep 0.2; done
java -jar $JAR loadtest --concurrency 64 --duration 10s --mix $MIX=1 > /dev/null
cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
R=$(pgrep -x redis-server | head -1)
s0=$(cpu $P); r0=$(cpu $R); c0=$(redis-cli info commandstats | awk -F'[=,:]' '/^cmdstat_/ && $1 != "cmdstat_info" {s += $3} END {print s}')
java -jar $JAR loadtest --concurrency $C --duration ${S}s --mix $MIX=1 --json $OUT/r.json > /dev/null &
D=$!
sleep 1; d0=$(cpu $D)
sleep $((S - 1)); d1=$(cpu $D)
wait $D
s1=$(cpu $P); r1=$(cpu $R); c1=$(redis-cli info commandstats | awk -F'[=,:]' '/^cmdstat_/ && $1 != "cmdstat_info" {s += $3} END {print s}')
python3 - <<PY
import json
r = json.load(open("$OUT/r.json")); h = r["hops"]; t = ${S}; tck = $(getconf CLK_TCK)
print(f"$MIX {r.get('busyRate', 0):.1%} busy, c=$C hops/s {r['hopsPerSecond']:.0f} p50 {r['latencyMs']['p50']} p99 {r['latencyMs']['p99']}")
print(f"service {($s1-$s0)/tck/t:.2f} cores, {($s1-$s0)/tck*1e6/h:.0f} us/hop; redis {($r1-$r0)/tck/t:.2f} cores, {($r1-$r0)/tck*1e6/h:.0f} us/hop; driver ~{($d1-$d0)/tck/(t-1):.2f} cores; redis cmds/hop {($c1-$c0)/h:.2f}")
PY
