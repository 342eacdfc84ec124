#!/usr/bin/env bash
# The 10-minute soak of BENCHMARKS.md: post-GC heap after warm-up vs after 10 minutes at 256 phones, and a count of
# Vert.x blocked-thread warnings. Needs Redis on 127.0.0.1:6379 and `mvn -q -B package -DskipTests` first.
set -u
cd "$(dirname "$0")/.."
port=${PORT:-8383}
KENTONGAN_REDIS_URL=redis://127.0.0.1:6379 KENTONGAN_HTTP_PORT=$port java -Xmx512m -jar target/kentongan.jar serve > /tmp/soak-serve.out 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -sf "localhost:$port/health" >/dev/null && break; sleep 0.25; done
java -jar target/kentongan.jar loadtest --url "http://127.0.0.1:$port" --concurrency 256 --duration 60s > /dev/null 2>&1
jcmd $server GC.run > /dev/null; echo "post-GC heap after warm-up:"; jcmd $server GC.heap_info | sed -n 2p
java -jar target/kentongan.jar loadtest --url "http://127.0.0.1:$port" --concurrency 256 --duration 600s --json /tmp/soak.json
jcmd $server GC.run > /dev/null; echo "post-GC heap after 10 minutes:"; jcmd $server GC.heap_info | sed -n 2p
echo "blocked-thread warnings: $(grep -ci 'blocked' /tmp/soak-serve.out)"
kill $server
