#!/bin/bash
# Before/after on the same machine in the same run: builds the service at git ref BEFORE (default: the commit before
# issue 12's layout, e6a98b7) in a temporary worktree, then measures it and the current build interleaved, round by
# round, so that the machine's noise falls on both alike; odd rounds run "before" first, even rounds "after" first.
# Prints one table, the after/before ratio of each pair, and the median ratio of each measurement.
#   bash ops/bench-before-after.sh [BEFORE_REF] [ROUNDS]
# Needs Redis on 127.0.0.1:6379 (uses database 14, flushed between runs) and port 8080 free. About 10 minutes.
set -euo pipefail
BEFORE=${1:-e6a98b7}
ROUNDS=${2:-2}
DB=redis://127.0.0.1:6379/14
OUT=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; git worktree remove --force "$OUT/before" 2>/dev/null || true; rm -rf "$OUT"' EXIT

mvn -q -B package -DskipTests
cp target/kentongan.jar "$OUT/after.jar"
git worktree add -q "$OUT/before" "$BEFORE"
(cd "$OUT/before" && mvn -q -B package -DskipTests && cp target/kentongan.jar "$OUT/before.jar")
GEN="$OUT/after.jar" # one load generator for both services: only the service differs

menus() { # jar -> the menus folder of that build (an older compiler refuses fields added since)
  if [[ "$1" == "$OUT/before.jar" ]]; then echo "$OUT/before/menus"; else echo "$PWD/menus"; fi
}

ussd() { # jar mix concurrency -> "hops/s p50 p99"
  redis-cli -n 14 flushdb > /dev/null
  KENTONGAN_REDIS_URL=$DB KENTONGAN_LOG_LEVEL=WARN KENTONGAN_LIMIT_HOPS_PER_MINUTE=1000000 KENTONGAN_MENUS_DIR="$(menus "$1")" \
    java -jar "$1" serve > "$OUT/serve.log" 2>&1 &
  local svc=$!
  for _ in $(seq 1 100); do curl -sf http://127.0.0.1:8080/health > /dev/null && break; sleep 0.2; done
  java -jar "$GEN" loadtest --concurrency 64 --duration 8s --mix "$2" > /dev/null || true   # warm-up (JIT)
  java -jar "$GEN" loadtest --concurrency "$3" --duration 15s --ramp-up 2s --mix "$2" --json "$OUT/r.json" > /dev/null || true
  kill $svc; wait $svc 2>/dev/null || true
  python3 -c "import json,sys; r=json.load(open(sys.argv[1])); l=r['latencyMs']; print(f\"{r['hopsPerSecond']:.0f} {l['p50']} {l['p99']} {r['errors']}\")" "$OUT/r.json"
}

sms() { # jar -> messages/s queued in one process with the Redis outbox (ops/bench-sms.sh measures the campaign path)
  redis-cli -n 14 flushdb > /dev/null
  java -jar "$1" loadtest sms --queued --messages 40000 --redis $DB 2>&1 | python3 -c "
import re,sys
t=sys.stdin.read(); m=re.search(r'= ([0-9,.]+) (?:messages|submit_sm)/s', t)
print(m.group(1).replace(',','') if m else 'nan')"
}

echo "| round | what | before | after | after/before |"
echo "| --- | --- | --- | --- | --- |"
for round in $(seq 1 "$ROUNDS"); do
  for mix in browse=1 register=1,status=2,pay=1; do
    for c in 64 256; do
      if (( round % 2 )); then b=$(ussd "$OUT/before.jar" $mix $c); a=$(ussd "$OUT/after.jar" $mix $c)
      else a=$(ussd "$OUT/after.jar" $mix $c); b=$(ussd "$OUT/before.jar" $mix $c); fi
      python3 - "$round" "$mix" "$c" "$b" "$a" <<'PY'
import sys
r, mix, c, b, a = sys.argv[1:]
b, a = b.split(), a.split()
print(f"| {r} | {mix} at {c}: hops/s (p50 / p99 ms, errors) | {float(b[0]):,.0f} ({b[1]} / {b[2]}, {b[3]}) | {float(a[0]):,.0f} ({a[1]} / {a[2]}, {a[3]}) | {float(a[0])/float(b[0]):.2f} |")
PY
      echo "$mix at $c: $(python3 -c "import sys; print(float(sys.argv[2].split()[0])/float(sys.argv[1].split()[0]))" "$b" "$a")" >> "$OUT/ratios"
    done
  done
  if (( round % 2 )); then b=$(sms "$OUT/before.jar"); a=$(sms "$OUT/after.jar")
  else a=$(sms "$OUT/after.jar"); b=$(sms "$OUT/before.jar"); fi
  echo "SMS submit_sm/s: $(python3 -c "import sys; print(float(sys.argv[2])/float(sys.argv[1]))" "$b" "$a")" >> "$OUT/ratios"
  python3 -c "import sys; b,a,r=sys.argv[1:]; print(f'| {r} | SMS, Redis outbox, 40,000 messages: submit_sm/s | {float(b):,.0f} | {float(a):,.0f} | {float(a)/float(b):.2f} |')" "$b" "$a" "$round"
done
echo
echo "| measurement | median after/before over $ROUNDS rounds |"
echo "| --- | --- |"
python3 - "$OUT/ratios" <<'PY'
import statistics, sys
by = {}
for line in open(sys.argv[1]):
    what, ratio = line.rsplit(": ", 1)
    by.setdefault(what, []).append(float(ratio))
for what, rs in by.items():
    print(f"| {what} | {statistics.median(rs):.2f} (" + ", ".join(f"{r:.2f}" for r in rs) + ") |")
PY
