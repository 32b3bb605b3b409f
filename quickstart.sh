#!/usr/bin/env bash
# kafkit quickstart: build, start a real local Kafka broker, walk through the tools, stop it.
# Works from a clone (builds with Maven first) and from an unpacked distribution (no build).
# KAFKIT_QUICKSTART_PORT picks the broker's port (default 9092).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
port=${KAFKIT_QUICKSTART_PORT:-9092}

if [ -x "$here/bin/kafkit" ]; then
  kafkit=$here/bin/kafkit
else
  echo "== Building kafkit (mvn -B -q -DskipTests package)"
  (cd "$here" && mvn -B -q -DskipTests package)
  kafkit=$(ls -d "$here"/dist/target/kafkit-*/ | head -1)bin/kafkit
fi

data=$(mktemp -d "${TMPDIR:-/tmp}/kafkit-quickstart.XXXXXX")
stop() { "$kafkit" broker stop --data-dir "$data/broker" || true; rm -rf "$data"; }
trap stop EXIT

step() { printf '\n== %s\n$ kafkit %s\n' "$1" "${*:2}"; "$kafkit" "${@:2}"; }

step "Start a real Apache Kafka broker (KRaft)" broker start --data-dir "$data/broker" --port "$port"
bs=localhost:$port
step "Is it running?" broker status --data-dir "$data/broker"
step "List the topics" topics --bootstrap-server "$bs" --list

printf '\n== Done: the broker stops now.\n'
