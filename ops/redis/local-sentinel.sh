#!/bin/bash
# A local Redis with Sentinel: a master (6390), a replica (6391) and three sentinels (26390-26392) watching them as
# "kentongan", quorum 2, a master declared down after 1 s. For the failover tests and for trying it by hand:
#   bash ops/redis/local-sentinel.sh start | stop | status
#   KENTONGAN_REDIS_URL='redis-sentinel://127.0.0.1:26390,127.0.0.1:26391,127.0.0.1:26392/0#kentongan'
# Data under ${KENTONGAN_SENTINEL_DIR:-/tmp/kentongan-sentinel}; the data nodes keep an AOF (fsync every second).
set -euo pipefail
DIR=${KENTONGAN_SENTINEL_DIR:-/tmp/kentongan-sentinel}
up() { redis-cli -p "$1" ping 2>/dev/null | grep -q PONG; }

case "${1:-start}" in
  start)
    mkdir -p "$DIR"
    up 6390 || redis-server --port 6390 --bind 127.0.0.1 --dir "$DIR" --dbfilename m.rdb --appendonly yes --appendfilename m.aof \
      --save "" --daemonize yes --logfile "$DIR/6390.log"
    up 6391 || redis-server --port 6391 --bind 127.0.0.1 --dir "$DIR" --dbfilename r.rdb --appendonly yes --appendfilename r.aof \
      --save "" --replicaof 127.0.0.1 6390 --daemonize yes --logfile "$DIR/6391.log"
    for p in 26390 26391 26392; do
      if ! up "$p"; then
        cat > "$DIR/sentinel-$p.conf" <<CONF
port $p
bind 127.0.0.1
dir $DIR
sentinel monitor kentongan 127.0.0.1 6390 2
sentinel down-after-milliseconds kentongan 1000
sentinel failover-timeout kentongan 5000
sentinel parallel-syncs kentongan 1
CONF
        redis-server "$DIR/sentinel-$p.conf" --sentinel --daemonize yes --logfile "$DIR/sentinel-$p.log"
      fi
    done
    for p in 6390 6391 26390 26391 26392; do for _ in $(seq 1 50); do up "$p" && break; sleep 0.1; done; done
    for _ in $(seq 1 50); do
      redis-cli -p 26390 sentinel get-master-addr-by-name kentongan > /dev/null 2>&1 && break; sleep 0.1
    done
    echo "master: $(redis-cli -p 26390 sentinel get-master-addr-by-name kentongan | tr '\n' ' ')"
    ;;
  stop)
    for p in 26390 26391 26392 6390 6391; do redis-cli -p "$p" shutdown nosave 2>/dev/null || true; done
    rm -rf "$DIR"
    ;;
  status)
    redis-cli -p 26390 sentinel master kentongan | paste - - | grep -E "^(ip|port|flags|num-slaves|num-other-sentinels)"
    ;;
esac
