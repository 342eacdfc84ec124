#!/bin/bash
# Prints the USSD table of BENCHMARKS.md: starts the service on Redis, warms it up, then runs the load generator at
# 16 / 64 / 256 / 1024 phones for mixed flows and for menus only. Run from the repository root after
#   mvn -q -B package -DskipTests
# Needs Redis on 127.0.0.1:6379 and port 8080 free. Takes about 4 minutes.
set -euo pipefail
JAR=target/kentongan.jar
OUT=$(mktemp -d)
KENTONGAN_REDIS_URL=redis://127.0.0.1:6379 KENTONGAN_LOG_LEVEL=WARN KENTONGAN_LIMIT_HOPS_PER_MINUTE=1000000 java -jar $JAR serve > "$OUT/serve.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; rm -rf "$OUT"' EXIT
for i in $(seq 1 50); do curl -sf http://127.0.0.1:8080/health > /dev/null && break; sleep 0.2; done
java -jar $JAR loadtest --concurrency 64 --duration 20s --mix browse=1 > /dev/null   # warm-up (JIT)
java -jar $JAR loadtest --concurrency 64 --duration 10s > /dev/null
echo "| concurrent phones | flow mix | hops/s | p50 ms | p95 ms | p99 ms | max ms | generator CPU | errors |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
for mix in register=1,status=2,pay=1 browse=1; do
  for c in 16 64 256 1024; do
    java -jar $JAR loadtest --concurrency $c --duration 20s --ramp-up 3s --mix $mix --json "$OUT/r.json" > /dev/null || true
    python3 - "$OUT/r.json" "$c" "$mix" <<'PY'
import json, sys
r = json.load(open(sys.argv[1])); l = r["latencyMs"]
print(f"| {sys.argv[2]} | {sys.argv[3]} | {r['hopsPerSecond']:,.0f} | {l['p50']} | {l['p95']} | {l['p99']} | {l['max']} | {r['generatorCpuShare']*100:.0f} % | {r['errors']} |")
PY
  done
done
echo "blocked-thread warnings in the service log: $(grep -c 'blocked' "$OUT/serve.log" || true)"
