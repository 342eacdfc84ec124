#!/bin/bash
# Issue 18's harness: the service beside a bare Vert.x + Lettuce server (one GET + one SET per request, `bare-server`),
# measured in the same run, interleaved, so a noisy machine hits both alike. Per round and per concurrency: the bare
# server (5 hops answered CON), the service with menus only (browse: dial, 4, 0, 5, 00) and the 7-hop registration against
# the sandbox core system; then the medians and the ratios. Also, for the service: Redis commands per hop (INFO
# commandstats before/after), bytes allocated per hop (the process's threads, from /admin/stats) and CPU per hop.
# Run from the repository root after `mvn -q -B package -DskipTests`. Needs Redis on 127.0.0.1:6379, ports 8080/8090.
#   bash ops/bench-ussd-baseline.sh [rounds=3] [seconds=15] [concurrencies="64 256"]
# LOOPS (default 1): the event loops of both servers — the issue's baseline had one; the service's is
# KENTONGAN_LIMIT_EVENT_LOOPS (one per core when not set), its Redis connections' I/O on them, as the bare server's.
# A second bare server (bare4, port 8091) makes BARE_TRIPS (default 4) Redis round trips per request, one after the other:
# a registration hop's count of top-level commands (28 in a 7-hop registration, MONITOR). It is the floor of the
# registration: no server doing that hop's Redis traffic on this machine makes more; the registration's ratio is given to both.
# With 1,024 or 4,096 phones the service sheds (limits.hopsInFlight): the busy column is the share of hops answered the
# busy screen, and "served p99" the p99 of the others; the bare server has no such limit and queues.
set -euo pipefail
ROUNDS=${1:-3}
SECONDS_PER_RUN=${2:-15}
CONCURRENCIES=${3:-"64 256"}
LOOPS=${LOOPS:-1}
# A copy of the jar: a build during the run must not change the classes under the running processes.
JAR=$(mktemp --suffix=.jar)
cp target/kentongan.jar "$JAR"
OUT=$(mktemp -d)
TOKEN=bench-$RANDOM$RANDOM
# A namespace of its own (the sandbox core system's members included), taken away at the end: runs do not meet
# earlier runs' registered numbers, and Redis does not grow from run to run.
NS=bench$RANDOM
SHA=$(printf '%s' "$TOKEN" | sha256sum | cut -c1-64)
# Answering from the event loop: of the four ways measured (1 or 2 loops, answering from the loop or from Lettuce's
# thread) the fastest here, by a little (BENCHMARKS.md), and the issue's own baseline had one loop.
java -jar $JAR bare-server --port 8090 --loops $LOOPS --answer-on loop > "$OUT/bare.log" 2>&1 &
BARE=$!
java -jar $JAR bare-server --port 8091 --loops $LOOPS --answer-on loop --round-trips ${BARE_TRIPS:-4} > "$OUT/bare4.log" 2>&1 &
BARE4=$!
KENTONGAN_REDIS_URL=redis://127.0.0.1:6379 KENTONGAN_REDIS_NAMESPACE=$NS KENTONGAN_LOG_LEVEL=WARN KENTONGAN_LIMIT_HOPS_PER_MINUTE=1000000 \
  KENTONGAN_LIMIT_EVENT_LOOPS=$LOOPS KENTONGAN_ADMIN_TOKEN_SHA256=$SHA java -jar $JAR serve > "$OUT/serve.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE $BARE $BARE4 2>/dev/null; redis-cli --scan --pattern "$NS:*" | xargs -r -n 1000 redis-cli unlink > /dev/null; redis-cli --scan --pattern "bare:*" | xargs -r -n 1000 redis-cli unlink > /dev/null; rm -rf "$OUT" "$JAR"' EXIT
for i in $(seq 1 100); do curl -sf http://127.0.0.1:8080/health > /dev/null && break; sleep 0.2; done
for i in $(seq 1 100); do curl -sf -d 'phoneNumber=1' http://127.0.0.1:8090/ > /dev/null && break; sleep 0.2; done
for i in $(seq 1 100); do curl -sf -d 'phoneNumber=1' http://127.0.0.1:8091/ > /dev/null && break; sleep 0.2; done
# Warm-up (JIT) of both.
java -jar $JAR loadtest --url http://127.0.0.1:8090 --concurrency 64 --duration 15s --mix bare=1 > /dev/null
java -jar $JAR loadtest --url http://127.0.0.1:8091 --concurrency 64 --duration 10s --mix bare=1 > /dev/null
java -jar $JAR loadtest --concurrency 64 --duration 15s --mix browse=1 > /dev/null
java -jar $JAR loadtest --concurrency 64 --duration 10s --mix register=1 > /dev/null

cpu() { awk '{print $14 + $15}' /proc/$1/stat; }
calls() { redis-cli info commandstats | awk -F'[=,:]' '/^cmdstat_/ && $1 != "cmdstat_info" {s += $3} END {print s}'; }
allocated() { if [ "$1" = bare ]; then curl -s http://127.0.0.1:8090/stats; elif [ "$1" = bare4 ]; then curl -s http://127.0.0.1:8091/stats; else curl -s -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8080/admin/stats; fi \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["allocated_bytes"])'; }

echo "Event loops: $LOOPS for each server."
echo "| round | phones | server | flow | hops/s | p50 ms | p99 ms | errors | Redis cmds/hop | bytes/hop | service CPU µs/hop | busy | served p99 ms |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  for c in $CONCURRENCIES; do
    for what in bare bare4 browse register; do
      MIX=$what
      if [ $what = bare ]; then URL=http://127.0.0.1:8090; PID=$BARE; elif [ $what = bare4 ]; then URL=http://127.0.0.1:8091; PID=$BARE4; MIX=bare; else URL=http://127.0.0.1:8080; PID=$SERVICE; fi
      c0=$(cpu $PID); r0=$(calls); a0=$(allocated $what)
      java -jar $JAR loadtest --url $URL --concurrency $c --duration ${SECONDS_PER_RUN}s --ramp-up 2s --mix $MIX=1 --json "$OUT/r.json" > /dev/null || true
      c1=$(cpu $PID); r1=$(calls); a1=$(allocated $what)
      python3 - "$OUT/r.json" "$round" "$c" "$what" "$c0" "$c1" "$r0" "$r1" "$a0" "$a1" "$(getconf CLK_TCK)" >> "$OUT/rows.tsv" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); l = r["latencyMs"]
rnd, c, what, c0, c1, r0, r1, a0, a1, tck = sys.argv[2:]
hops = max(1, r["hops"])
cmds = (int(r1) - int(r0) - 3) / hops
alloc = (int(a1) - int(a0)) / hops
cpu_us = (int(c1) - int(c0)) / int(tck) * 1e6 / hops
print("\t".join(map(str, [rnd, c, "bare" if what.startswith("bare") else "kentongan", what, round(r["hopsPerSecond"]), l["p50"], l["p99"], r["errors"],
                           round(cmds, 2), round(alloc), round(cpu_us), r.get("busyRate", 0), r.get("servedLatencyMs", l)["p99"]])))
PY
      tail -1 "$OUT/rows.tsv" | awk -F'\t' '{printf "| %s | %s | %s | %s | %\047d | %s | %s | %s | %s | %\047d | %s | %s | %s |\n", $1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13}'
    done
  done
done
echo
echo "Medians over $ROUNDS rounds, and the service against the bare server of the same rounds:"
python3 - "$OUT/rows.tsv" <<'PY'
import sys, statistics, collections
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
by = collections.defaultdict(list)
for r in rows: by[(int(r[1]), r[3])].append(r)
print("| phones | flow | hops/s | p50 ms | p99 ms | ratio to bare (per round, then median; registration: also to bare4) | Redis cmds/hop | bytes/hop | CPU µs/hop | busy | served p99 ms |")
print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
for c in sorted({k[0] for k in by}):
    bare = {r[0]: float(r[4]) for r in by[(c, "bare")]}
    bare4 = {r[0]: float(r[4]) for r in by[(c, "bare4")]}
    for what in ["bare", "bare4", "browse", "register"]:
        rs = by[(c, what)]
        med = lambda i: statistics.median(float(r[i]) for r in rs)
        def against(base):
            ratios = [float(r[4]) / base[r[0]] for r in rs if r[0] in base and base[r[0]] > 0]
            return " / ".join(f"{x:.2f}" for x in ratios) + f" → **{statistics.median(ratios):.2f}**"
        ratio = against(bare) if what in ("browse", "bare4") else "–" if what == "bare" else against(bare) + "; to bare4: " + against(bare4)
        print(f"| {c} | {what} | {med(4):,.0f} | {med(5)} | {med(6)} | {ratio} | {med(8):.2f} | {med(9):,.0f} | {med(10):,.0f} | {med(11):.1%} | {med(12)} |")
PY
echo "blocked-thread warnings in the service log: $(grep -c 'blocked' "$OUT/serve.log" || true)"
