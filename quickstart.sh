#!/usr/bin/env bash
# kafkit quickstart: build, start a real local Kafka broker, walk through the tools, stop it.
# Works from a clone (builds with Maven first) and from an unpacked distribution (no build).
# KAFKIT_QUICKSTART_PORT picks the broker's port (default 9092); the three-node cluster at the end
# takes the five ports after it too.
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
stop() {
  "$kafkit" broker stop --data-dir "$data/broker" || true
  [ ! -d "$data/cluster" ] || "$kafkit" broker stop --data-dir "$data/cluster" || true
  rm -rf "$data"
}
trap stop EXIT

step() { printf '\n== %s\n$ kafkit %s\n' "$1" "${*:2}"; "$kafkit" "${@:2}"; }

step "Start a real Apache Kafka broker (KRaft)" broker start --data-dir "$data/broker" --port "$port"
bs=localhost:$port
step "Is it running?" broker status --data-dir "$data/broker"
step "Create a topic with 3 partitions" topics --bootstrap-server "$bs" --create --topic orders --partitions 3
step "List the topics" topics --bootstrap-server "$bs" --list
step "Describe it" topics --bootstrap-server "$bs" --describe --topic orders
step "Change its retention (kafka-topics.sh 4 refuses this; kafkit does it)" \
  topics --bootstrap-server "$bs" --alter --topic orders --config retention.ms=3600000
step "Grow it to 4 partitions, then describe it as JSON" \
  topics --bootstrap-server "$bs" --alter --topic orders --partitions 4
"$kafkit" topics --bootstrap-server "$bs" --describe --topic orders --output json

printf '\n== Produce keyed records from a pipe (kafka-console-producer.sh options)\n'
printf '$ printf ... | kafkit console-producer --topic orders --reader-property parse.key=true\n'
printf 'alice\t{"item":"book"}\nbob\t{"item":"pen"}\nalice\t{"item":"lamp"}\n' \
  | "$kafkit" console-producer --bootstrap-server "$bs" --topic orders --reader-property parse.key=true -v
printf '\n== Produce JSON records with headers\n'
printf '{"key":"carol","value":{"item":"cup"},"headers":{"source":"quickstart"}}\n' \
  | "$kafkit" console-producer --bootstrap-server "$bs" --topic orders --input-format json -v

step "Read them back, as kafka-console-consumer.sh prints them" \
  console-consumer --bootstrap-server "$bs" --topic orders --from-beginning --max-messages 4 \
  --formatter-property print.key=true --formatter-property print.partition=true
step "Read them as a group (commits what it printed)" \
  console-consumer --bootstrap-server "$bs" --topic orders --group quickstart --from-beginning --exit-at-end \
  --format '%k => %s (partition %p, offset %o)\n'
step "As JSON lines, with headers" \
  console-consumer --bootstrap-server "$bs" --topic orders --from-beginning --exit-at-end --output json
step "Find alice's lamp order by a field of its JSON value" \
  console-consumer --bootstrap-server "$bs" --topic orders --from-beginning --exit-at-end \
  --filter-key '^alice$' --filter-json '/item=^lamp$' --format '%k => %s\n'
step "Count the records of alice" \
  console-consumer --bootstrap-server "$bs" --topic orders --from-beginning --filter-key '^alice$' --count

printf '\n== Avro records: JSON lines encoded by a schema file (with a schema registry: --schema-registry URL)\n'
printf '{"type":"record","name":"Payment","fields":[{"name":"id","type":"long"},{"name":"amount","type":"double"},{"name":"note","type":["null","string"],"default":null}]}' >"$data/payment.avsc"
"$kafkit" topics --bootstrap-server "$bs" --create --topic payments-avro --partitions 1 >/dev/null
printf '$ printf ... | kafkit console-producer --topic payments-avro --value-schema-file payment.avsc\n'
printf '{"id":1,"amount":9.5}\n{"id":2,"amount":120,"note":"refund"}\n' \
  | "$kafkit" console-producer --bootstrap-server "$bs" --topic payments-avro --value-schema-file "$data/payment.avsc"
step "Their bytes, in hex" \
  console-consumer --bootstrap-server "$bs" --topic payments-avro --from-beginning --exit-at-end --value-format bytes
step "Decoded by the schema to JSON, and searched by a field" \
  console-consumer --bootstrap-server "$bs" --topic payments-avro --from-beginning --exit-at-end \
  --value-schema-file "$data/payment.avsc" --filter-json '/amount=^1'

step "See the group's offsets and lag (kafka-consumer-groups.sh layout)" \
  consumer-groups --bootstrap-server "$bs" --describe --group quickstart
step "Rewind it to the start: a dry run first, then --execute" \
  consumer-groups --bootstrap-server "$bs" --group quickstart --reset-offsets --to-earliest --topic orders --dry-run
step "Now reset it for real" consumer-groups --bootstrap-server "$bs" --group quickstart --reset-offsets --to-earliest --topic orders --execute

step "Load test: 200,000 records of 100 bytes (kafka-producer-perf-test.sh options and lines)" \
  producer-perf-test --bootstrap-server "$bs" --topic orders --num-records 200000 --record-size 100 --throughput -1
step "And read them back as fast as possible (kafka-consumer-perf-test.sh)" \
  consumer-perf-test --bootstrap-server "$bs" --topic orders --num-records 200000

step "The offsets where each partition ends (kafka-get-offsets.sh)" get-offsets --bootstrap-server "$bs" --topic orders
step "And where it stood 10 minutes ago" get-offsets --bootstrap-server "$bs" --topic orders --time -10m
step "What deleting the first 100 records of partition 0 would do" \
  delete-records --bootstrap-server "$bs" --topic orders --partition 0 --before-offset 100 --dry-run
step "How much disk each partition takes (kafka-log-dirs.sh)" log-dirs --bootstrap-server "$bs" --describe --topic-list orders
step "The topic's configs (kafka-configs.sh)" configs --bootstrap-server "$bs" --describe --topic orders
step "What a change would do, checked by the broker, nothing changed" \
  configs --bootstrap-server "$bs" --alter --topic orders --add-config retention.ms=7200000 --dry-run
step "Give a client a quota" configs --bootstrap-server "$bs" --alter --client quickstart-app --add-config producer_byte_rate=1048576
step "And see it" configs --bootstrap-server "$bs" --describe --entity-type clients

step "Look inside the partition's log segment on disk (kafka-dump-log.sh)" \
  dump-log --files "$data/broker/kraft/orders-0/00000000000000000000.log" --print-data-log --max-bytes 2000
step "Or sum it up" dump-log --files "$data/broker/kraft/orders-0/00000000000000000000.log" --summary

printf '\n== Replication: the single broker stops, a cluster of three nodes takes its ports\n'
"$kafkit" broker stop --data-dir "$data/broker"
step "Start three nodes, each a process of its own" broker start --nodes 3 --data-dir "$data/cluster" --port "$port"
cbs=localhost:$port,localhost:$((port + 1)),localhost:$((port + 2))
step "Each node: its roles, ports and how many partitions it leads" broker status --data-dir "$data/cluster"
step "A topic with three replicas (two must be in sync for a write)" \
  topics --bootstrap-server "$cbs" --create --topic payments --partitions 1
step "Its leader and in-sync replicas" topics --bootstrap-server "$cbs" --describe --topic payments
leader=$("$kafkit" topics --bootstrap-server "$cbs" --describe --topic payments | sed -n 's/.*Leader: \([0-9]*\).*/\1/p' | head -1)
step "Stop the leader's node" broker stop --data-dir "$data/cluster" --node "$leader"
step "Another node leads now, and two replicas are in sync" topics --bootstrap-server "$cbs" --describe --topic payments
printf '\n== Write meanwhile: two replicas in sync are enough\n'
printf '$ printf ... | kafkit console-producer --topic payments --command-property acks=all\n'
printf 'pay-1\npay-2\npay-3\n' | "$kafkit" console-producer --bootstrap-server "$cbs" --topic payments --command-property acks=all -v
step "Start the node again" broker start --data-dir "$data/cluster" --node "$leader"
for _ in $(seq 60); do  # it catches up and joins the ISR within seconds
  "$kafkit" topics --bootstrap-server "$cbs" --describe --topic payments | grep -Eq 'Isr: [0-9]+,[0-9]+,[0-9]+' && break
  sleep 0.5
done
step "Three replicas in sync again" topics --bootstrap-server "$cbs" --describe --topic payments
step "Give leadership back to each partition's preferred replica (kafka-leader-election.sh)" \
  leader-election --bootstrap-server "$cbs" --election-type preferred --all-topic-partitions
step "Nothing was lost" console-consumer --bootstrap-server "$cbs" --topic payments --from-beginning --exit-at-end
step "The KRaft quorum: its leader, voters and how far each is behind (kafka-metadata-quorum.sh)" \
  metadata-quorum --bootstrap-server "$cbs" describe --replication
step "The feature levels the cluster runs at (kafka-features.sh)" features --bootstrap-server "$cbs" describe

printf '\n== Done: the cluster stops now.\n'
