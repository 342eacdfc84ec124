#!/bin/bash
# The SMS path, end to end, in one run (issue 13): the simulator in its own process, Redis on 127.0.0.1:6379 (keys under
# a fresh namespace, removed after). Prints, in order:
#   1. a campaign of N numbers through an EARLIER build's service (the before), if BEFORE_REV is given;
#   2. a campaign of N numbers through this build's service, between two runs of a bare jSMPP client (the ratio);
#   3. the same with delivery receipts asked for; 4. N SMS queued through the Redis outbox and 5. the memory outbox.
# Usage (after mvn -q -B package -DskipTests):  bash ops/bench-sms.sh [N] [BEFORE_REV]      e.g. bash ops/bench-sms.sh 100000 be70b34
set -euo pipefail
N=${1:-100000}
BEFORE=${2:-}
JAR=target/kentongan.jar
run() { java -jar "$JAR" loadtest sms --messages "$N" "$@" 2>&1 | grep -v ' INFO \| WARN \| DEBUG ' ; }
if [ -n "$BEFORE" ]; then
  dir=$(mktemp -d)
  git worktree add -q "$dir" "$BEFORE"
  (cd "$dir" && mvn -q -B -o package -DskipTests > /dev/null 2>&1 || (cd "$dir" && mvn -q -B package -DskipTests > /dev/null))
  cp "$dir/target/kentongan.jar" "/tmp/kentongan-$BEFORE.jar"
  git worktree remove --force "$dir"
  echo "== before: $BEFORE"; run --service-jar "/tmp/kentongan-$BEFORE.jar"
fi
echo "== campaign, this build, with the bare-client baseline"; run --baseline
echo "== campaign with delivery receipts"; run --receipts
echo "== queued, Redis outbox"; run --queued
echo "== queued, memory outbox"; run --queued --memory
