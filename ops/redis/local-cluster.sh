#!/bin/bash
# A local Redis Cluster of 6 nodes (3 masters + 3 replicas) on loopback ports 7000-7005 (or from
# KENTONGAN_CLUSTER_PORT on: the failover test kills nodes of a cluster of its own on 7100-7105), for the test suite and
# for trying failover by hand. Needs Debian's redis-server and redis-cli (apt-get install redis-server).
#   bash ops/redis/local-cluster.sh start | stop | status
# Data under ${KENTONGAN_CLUSTER_DIR:-/tmp/kentongan-cluster-<port>}; no persistence (tests only). Idempotent.
set -euo pipefail
BASE=${KENTONGAN_CLUSTER_PORT:-7000}
DIR=${KENTONGAN_CLUSTER_DIR:-/tmp/kentongan-cluster-$BASE}
PORTS=($BASE $((BASE+1)) $((BASE+2)) $((BASE+3)) $((BASE+4)) $((BASE+5)))

up() { redis-cli -p "$1" ping 2>/dev/null | grep -q PONG; }

case "${1:-start}" in
  start)
    # A cluster left behind by a run that killed nodes (or a machine that rebooted half of them) is not mended but
    # made again: the data is test data, and a half cluster cannot take a restarted, empty node back by itself.
    healthy() {
      for p in "${PORTS[@]}"; do up "$p" || return 1; done
      redis-cli -p "$BASE" cluster info | grep -q "cluster_state:ok" || return 1
      [ "$(redis-cli -p "$BASE" cluster nodes | grep -vc fail)" -ge 6 ]
    }
    if healthy; then redis-cli -p "$BASE" cluster info | grep cluster_state; exit 0; fi
    for p in "${PORTS[@]}"; do redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true; done
    for p in "${PORTS[@]}"; do for _ in $(seq 1 50); do up "$p" || break; sleep 0.1; done; done
    rm -rf "$DIR"; mkdir -p "$DIR"
    for p in "${PORTS[@]}"; do
      redis-server --port "$p" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$DIR/nodes-$p.conf" \
        --cluster-node-timeout 2000 --save "" --appendonly no --dir "$DIR" --daemonize yes --logfile "$DIR/redis-$p.log"
    done
    for p in "${PORTS[@]}"; do for _ in $(seq 1 50); do up "$p" && break; sleep 0.1; done; done
    redis-cli --cluster create $(printf "127.0.0.1:%s " "${PORTS[@]}") --cluster-replicas 1 --cluster-yes > "$DIR/create.log"
    for _ in $(seq 1 100); do redis-cli -p "$BASE" cluster info | grep -q "cluster_state:ok" && break; sleep 0.1; done
    redis-cli -p "$BASE" cluster info | grep cluster_state
    ;;
  stop)
    for p in "${PORTS[@]}"; do redis-cli -p "$p" shutdown nosave 2>/dev/null || true; done
    rm -rf "$DIR"
    ;;
  status)
    redis-cli -p "$BASE" cluster nodes
    ;;
esac
