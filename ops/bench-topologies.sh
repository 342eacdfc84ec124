#!/bin/bash
# SCALING.md's per-hop table on each topology, as ratios against one instance on one Redis measured in the same run:
#   A  one instance on standalone Redis (127.0.0.1:6379), dialled directly         (the baseline)
#   B  one instance on the local 6-node cluster (ops/redis/local-cluster.sh), dialled directly
#   C  three instances on the cluster behind HAProxy (ops/haproxy/kentongan.cfg), dialled through the proxy
# Rounds interleave A, B, C so the shared machine's noise falls on all three alike. Per run: hops/s, p50/p99, service
# CPU per hop (all instances and, for C, HAProxy; /proc), Redis commands and bytes per hop (masters only: replication not counted), and at
# the end the bytes Redis holds per live session and per member Kentongan counts.
#   mvn -q -B package -DskipTests && bash ops/bench-topologies.sh [ROUNDS] [SECONDS] [MIX]
# Needs redis-server, redis-cli, haproxy; ports 7000-7005, 8080-8083, 8091 free. About 2 + ROUNDS x 1.2 minutes.
set -euo pipefail
ROUNDS=${1:-3}
SECS=${2:-12}
MIX=${3:-register=1,status=2,pay=1}
JAR=target/kentongan.jar
OUT=$(mktemp -d)
NS="bench$RANDOM"
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

bash ops/redis/local-cluster.sh start >/dev/null
KEY=$(openssl rand -base64 32)
common() { echo "KENTONGAN_DATA_KEY=$KEY KENTONGAN_REDIS_NAMESPACE=$NS KENTONGAN_LOG_LEVEL=WARN KENTONGAN_LIMIT_HOPS_PER_MINUTE=100000000"; }
start() { # port url
  env $(common) KENTONGAN_HTTP_PORT=$1 KENTONGAN_REDIS_URL=$2 java -Xmx768m -jar $JAR serve > "$OUT/serve-$1.log" 2>&1 &
  PIDS+=($!)
  echo $! > "$OUT/pid-$1"
}
start 8091 redis://127.0.0.1:6379
for p in 8081 8082 8083; do start $p redis-cluster://127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002; done
haproxy -f ops/haproxy/kentongan.cfg > "$OUT/haproxy.log" 2>&1 & PIDS+=($!)
echo $! > "$OUT/pid-proxy"
for p in 8091 8081 8082 8083 8080; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$p/ready" > /dev/null && break; sleep 0.4; done
done
for url in http://127.0.0.1:8091 http://127.0.0.1:8081 http://127.0.0.1:8080; do  # warm-up (JIT, connections)
  java -jar $JAR loadtest --url $url --concurrency 32 --duration 8s --mix "$MIX" > /dev/null || true
done

ticks() { local t=0; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' /proc/$(cat "$OUT/pid-$p")/stat))); done; echo $t; }
masters() { if [ "$1" = A ]; then echo 6379; else for p in 7000 7001 7002 7003 7004 7005; do
  if redis-cli -p $p role 2>/dev/null | head -1 | grep -q master; then echo $p; fi; done; fi; }
redis_totals() { # commands in out, summed over the ports given; replication traffic (to the replicas) left out
  local c=0 i=0 o=0
  for p in "$@"; do
    s=$(redis-cli -p $p info stats | tr -d '\r')
    v() { echo "$s" | grep "^$1:" | cut -d: -f2; }
    c=$((c + $(v total_commands_processed)))
    i=$((i + $(v total_net_input_bytes) - $(v total_net_repl_input_bytes)))
    o=$((o + $(v total_net_output_bytes) - $(v total_net_repl_output_bytes)))
  done
  echo "$c $i $o"
}

# What the instances spend doing nothing (timers, menu polls, outreach ticks): the fixed share of C's CPU per hop.
i0=$(ticks 8081 8082 8083); sleep 10; i1=$(ticks 8081 8082 8083)
echo "three idle instances: $(( (i1 - i0) * 1000 / $(getconf CLK_TCK) / 10 )) ms of CPU per second together"

echo "round,topology,hops_per_s,p50_ms,p99_ms,errors,busy,cpu_us_per_hop,redis_cmds_per_hop,bytes_to_redis_per_hop,bytes_from_redis_per_hop" > "$OUT/runs.csv"
for r in $(seq 1 "$ROUNDS"); do
  for t in A B C; do
    case $t in
      A) url=http://127.0.0.1:8091; inst="8091" ;;
      B) url=http://127.0.0.1:8081; inst="8081" ;;
      C) url=http://127.0.0.1:8080; inst="8081 8082 8083 proxy" ;;
    esac
    ports=$(masters $t)
    t0=$(ticks $inst); read -r c0 i0 o0 <<< "$(redis_totals $ports)"
    java -jar $JAR loadtest --url $url --concurrency 64 --duration ${SECS}s --ramp-up 2s --mix "$MIX" --json "$OUT/r.json" > /dev/null || true
    t1=$(ticks $inst); read -r c1 i1 o1 <<< "$(redis_totals $ports)"
    python3 - "$OUT/r.json" "$r" "$t" $((t1 - t0)) $((c1 - c0)) $((i1 - i0)) $((o1 - o0)) $(getconf CLK_TCK) >> "$OUT/runs.csv" <<'PY'
import json, sys
j = json.load(open(sys.argv[1])); r, t = sys.argv[2], sys.argv[3]
ticks, cmds, bin_, bout, hz = (int(x) for x in sys.argv[4:9])
h = max(j["hops"], 1); l = j["latencyMs"]
print(f"{r},{t},{j['hopsPerSecond']:.0f},{l['p50']},{l['p99']},{j['errors']},{j.get('busy', 0)},{ticks / hz * 1e6 / h:.0f},"
      f"{cmds / h:.2f},{bin_ / h:.0f},{bout / h:.0f}")
PY
  done
done

python3 - "$OUT/runs.csv" <<'PY'
import csv, sys, statistics as st
rows = list(csv.DictReader(open(sys.argv[1])))
print("Per run (A = one instance, standalone Redis; B = one instance, 6-node cluster; C = 3 instances, cluster, HAProxy):")
for row in rows: print("  " + ", ".join(f"{k}={v}" for k, v in row.items()))
print()
print("| topology | hops/s (ratio to A, per round) | p50 / p99 ms | service CPU µs per hop | Redis commands per hop | bytes to / from Redis per hop |")
print("| --- | --- | --- | --- | --- | --- |")
for t in "ABC":
    mine = [x for x in rows if x["topology"] == t]
    ratios = [float(x["hops_per_s"]) / float(a["hops_per_s"]) for x in mine for a in rows if a["topology"] == "A" and a["round"] == x["round"]]
    med = lambda k: st.median(float(x[k]) for x in mine)
    print(f"| {t} | {med('hops_per_s'):,.0f} ({', '.join(f'{q:.2f}' for q in ratios)}) | {med('p50_ms'):.1f} / {med('p99_ms'):.1f} | "
          f"{med('cpu_us_per_hop'):.0f} | {med('redis_cmds_per_hop'):.2f} | {med('bytes_to_redis_per_hop'):.0f} / {med('bytes_from_redis_per_hop'):.0f} |")
PY

# Bytes held: a live session and a member Kentongan counts (this run's keys on the standalone Redis).
python3 - "$NS" <<'PY'
import subprocess, sys, statistics as st
ns = sys.argv[1]
def cli(*a): return subprocess.run(["redis-cli", "-p", "6379", *a], capture_output=True, text=True).stdout.strip()
def sample(pattern, n=200):
    keys = cli("--scan", "--pattern", pattern).split("\n")[:n]
    sizes = [int(cli("memory", "usage", k, "samples", "0") or 0) for k in keys if k]
    return (st.mean(sizes), len(sizes)) if sizes else (0, 0)
for what, pattern in [("a session (kept for the resume window)", f"{ns}:{{*}}:ussd"),
                      ("a member's participation record", f"{ns}:{{*}}:tally"),
                      ("a member's ledger record (how they joined)", f"{ns}:ledger:joined:*")]:
    mean, n = sample(pattern)
    print(f"bytes per {what}: {mean:.0f} (MEMORY USAGE, mean of {n} keys)")
PY
