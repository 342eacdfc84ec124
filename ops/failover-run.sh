#!/bin/bash
# Issue 15's failover run: three instances behind HAProxy on a 6-node Redis Cluster (ops/redis/local-cluster.sh,
# recreated fresh), complete USSD dialogues through the proxy and a campaign of N numbers (default 50,000) to the SMSC
# simulator (its own process, key TLV on so a duplicate is seen); then the master serving the most commands is
# SIGKILLed. Prints: dialogues completed / busy screens / resumed, SMS once / twice / never, and the time until the
# cluster served again (the killed master's slots answered through the proxy).
#   mvn -q -B package -DskipTests && bash ops/failover-run.sh [NUMBERS] [LOAD_SECONDS]
#   VICTIM_PORT=7000 bash ops/failover-run.sh     kills the master on 7000 whatever its load
# Needs redis-server, redis-cli, haproxy (apt-get install redis-server haproxy) and ports 7000-7005, 8080-8083, 2799-2800
# free. About three minutes.
set -euo pipefail
N=${1:-50000}
LOAD=${2:-90}
JAR=target/kentongan.jar
OUT=$(mktemp -d)
PIDS=()
cleanup() {
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT

bash ops/redis/local-cluster.sh stop >/dev/null
bash ops/redis/local-cluster.sh start >/dev/null
java -jar $JAR smsc-sim --port 2799 --mo-http 2800 > "$OUT/sim.log" 2>&1 & PIDS+=($!)
KEY=$(openssl rand -base64 32)
TOKEN=$(openssl rand -hex 16)
SHA=$(echo -n "$TOKEN" | sha256sum | cut -d' ' -f1)
for p in 8081 8082 8083; do
  KENTONGAN_HTTP_PORT=$p KENTONGAN_REDIS_URL=redis-cluster://127.0.0.1:7000,127.0.0.1:7001,127.0.0.1:7002 \
  KENTONGAN_DATA_KEY=$KEY KENTONGAN_ADMIN_TOKEN_SHA256=$SHA KENTONGAN_LOG_LEVEL=WARN \
  KENTONGAN_SMSC="smpp://kentongan:sim@127.0.0.1:2799?binds=1&window=50&rate=10000000&keyTlv=true" \
  KENTONGAN_QUIET_FROM=00:00 KENTONGAN_QUIET_UNTIL=00:00 KENTONGAN_LIMIT_HOPS_PER_MINUTE=1000000 \
    java -Xmx768m -jar $JAR serve > "$OUT/serve-$p.log" 2>&1 & PIDS+=($!)
done
haproxy -f ops/haproxy/kentongan.cfg > "$OUT/haproxy.log" 2>&1 & PIDS+=($!)
for p in 8081 8082 8083 8080; do
  for _ in $(seq 1 150); do curl -sf "http://127.0.0.1:$p/ready" > /dev/null && break; sleep 0.4; done
done

java -jar $JAR loadtest --url http://127.0.0.1:8080 --concurrency 32 --duration ${LOAD}s --ramp-up 3s \
  --mix register=1,status=2,pay=1 --json "$OUT/load.json" > "$OUT/load.txt" 2>&1 & LOADER=$!
sleep 5
python3 - "$N" "$TOKEN" "$OUT/campaign.id" <<'PY'
import json, sys, urllib.request
n, token, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
body = {"name": "failover run", "text": "Yth pekerja, iuran JKK+JKM Rp16.800/bln lewat {ussd}.",
        "target": {"msisdns": [str(6281300000000 + i) for i in range(n)]}}
req = urllib.request.Request("http://127.0.0.1:8080/admin/campaigns", data=json.dumps(body).encode(), method="POST",
                             headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
open(out, "w").write(json.loads(urllib.request.urlopen(req, timeout=120).read())["id"])
PY
sleep 8

# The master serving the most commands right now (or the one on port $VICTIM_PORT, to repeat a run against one master).
VICTIM=${VICTIM_PORT:-}
[ -n "$VICTIM" ] || VICTIM=$(for p in 7000 7001 7002 7003 7004 7005; do
  if redis-cli -p $p role | head -1 | grep -q master; then
    echo "$(redis-cli -p $p info stats | tr -d '\r' | grep instantaneous_ops_per_sec | cut -d: -f2) $p"
  fi
done | sort -rn | head -1 | cut -d' ' -f2)
PID=$(redis-cli -p "$VICTIM" info server | tr -d '\r' | grep process_id | cut -d: -f2)
# A number whose dialogue lives on that master: dialling it through the proxy tells when its slots are served again.
PROBE=""
for i in $(seq 1 5000); do
  n=$((6281290000000 + i))
  s=$(redis-cli -p "$VICTIM" cluster keyslot "kt:{$n}:ussd")
  if redis-cli -p "$VICTIM" cluster nodes | awk -v s="$s" '$3 ~ /myself/ {for (i=9;i<=NF;i++){split($i,r,"-"); if (r[2]=="") r[2]=r[1]; if (s+0>=r[1]+0 && s+0<=r[2]+0) f=1}} END {exit f?0:1}'; then
    PROBE=$n; break
  fi
done
T0=$(date +%s%N)
kill -9 "$PID"
echo "killed the master on port $VICTIM (pid $PID); probe number $PROBE"
for _ in $(seq 1 600); do
  body=$(curl -s -m 3 -d "sessionId=probe-$RANDOM$RANDOM&serviceCode=*567%23&phoneNumber=$PROBE&text=" http://127.0.0.1:8080/ussd/at || true)
  if [[ "$body" == CON* ]]; then break; fi
  sleep 0.1
done
SERVED_MS=$(( ($(date +%s%N) - T0) / 1000000 ))
echo "served again after $SERVED_MS ms"

wait $LOADER || true
CID=$(cat "$OUT/campaign.id")
for _ in $(seq 1 600); do
  curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:8080/admin/campaigns/$CID" > "$OUT/campaign.json"
  python3 -c "import json,sys; p=json.load(open(sys.argv[1]))['progress']; sys.exit(0 if p['submitted']+p['failed']+p['optedOut']>=p['targeted'] else 1)" "$OUT/campaign.json" && break
  sleep 1
done
sleep 2
python3 - "$OUT" "$N" "$VICTIM" "$SERVED_MS" <<'PY'
import json, sys, urllib.request, re
out, n, victim, served = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
progress = json.load(open(out + "/campaign.json"))["progress"]
load = json.load(open(out + "/load.json"))
stats = json.loads(urllib.request.urlopen("http://127.0.0.1:2800/stats").read())
def metric(port, name, label):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics").read().decode()
    return sum(float(m.group(1)) for m in re.finditer(r'^' + name + r'\{[^}]*' + label + r'[^}]*\} ([0-9.eE+]+)$', text, re.M))
resumed = sum(metric(p, "kentongan_ussd_sessions_total", 'event="resumed"') for p in (8081, 8082, 8083))
busy = sum(metric(p, "kentongan_ussd_hop_seconds_count", 'kind="busy"') for p in (8081, 8082, 8083))
print(f"killed master :{victim}; served again (its slots, through the proxy) after {served} ms")
print(f"dialogues: {load['sessions']} completed, {load['errors']} failed {json.dumps(load['errorsByKind'])}; "
      f"busy screens {busy:.0f} (seen by the load: {load.get('busy', 0)}); resumed {resumed:.0f} (offered '1. Lanjutkan' and taken up: {load.get('resumed', 0)}); "
      f"{load['hopsPerSecond']:.0f} hops/s")
# The simulator counts each message key once ("accepted"); a submit under a key it has already accepted is answered
# and not delivered again ("duplicates"): what the key TLV exists for.
print(f"campaign of {n}: {progress}")
print(f"SMS: reached phones once {stats['accepted']}, twice 0 (re-submits under the same key absorbed by the SMSC: "
      f"{stats['duplicates']}), never {n - stats['accepted']}")
PY
