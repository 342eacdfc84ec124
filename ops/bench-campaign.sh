#!/bin/bash
# A campaign to N listed numbers, end to end: POST /admin/campaigns -> Redis outbox -> one SMPP bind (window 100, no
# rate limit) -> the SMSC simulator in its own process; prints the seconds until the campaign's progress says every
# message was submitted, and messages/s. Usage (after mvn -q -B package -DskipTests):
#   bash ops/bench-campaign.sh [N] [JAR]        (default 100000 target/kentongan.jar; Redis database 12 is flushed)
set -euo pipefail
N=${1:-100000}
JAR=${2:-target/kentongan.jar}
OUT=$(mktemp -d)
TOKEN=bench-token
SHA=$(printf %s "$TOKEN" | sha256sum | cut -d' ' -f1)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$OUT"' EXIT
redis-cli -n 12 flushdb > /dev/null
java -jar "$JAR" smsc-sim --port 2790 --show 0 > "$OUT/sim.log" 2>&1 &
sleep 2
KENTONGAN_REDIS_URL=redis://127.0.0.1:6379/12 KENTONGAN_HTTP_PORT=8095 KENTONGAN_LOG_LEVEL=WARN \
  KENTONGAN_SMSC="smpp://kentongan:sim@127.0.0.1:2790?window=100&rate=1000000&receipts=false" \
  KENTONGAN_ADMIN_TOKEN_SHA256=$SHA KENTONGAN_QUIET_FROM=00:00 KENTONGAN_QUIET_UNTIL=00:00 \
  java -jar "$JAR" serve > "$OUT/serve.log" 2>&1 &
for _ in $(seq 1 100); do curl -sf http://127.0.0.1:8095/ready > /dev/null && break; sleep 0.2; done
python3 -c "
import json,sys
n=int(sys.argv[1])
print(json.dumps({'name':'bench','text':'Daftar JKK+JKM lewat {ussd}.','target':{'msisdns':[str(6281300000000+i) for i in range(n)]}}))" "$N" > "$OUT/c.json"
t0=$(date +%s.%N)
id=$(curl -sf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' --data-binary @"$OUT/c.json" \
  http://127.0.0.1:8095/admin/campaigns | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
while true; do
  s=$(curl -sf -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8095/admin/campaigns/$id | python3 -c 'import json,sys; print(json.load(sys.stdin)["progress"]["submitted"])')
  [ "$s" -ge "$N" ] && break
  sleep 0.5
done
t1=$(date +%s.%N)
python3 -c "import sys; n=int(sys.argv[1]); s=float(sys.argv[3])-float(sys.argv[2]); print(f'{n:,} messages submitted in {s:.1f} s: {n/s:,.0f} messages/s')" "$N" "$t0" "$t1"
