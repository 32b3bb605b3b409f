#!/usr/bin/env bash
# Side-by-side benchmarks: kafkit against Apache Kafka's own tools (and kcat where it has the
# feature), in one run on one machine, reporting medians and ratios.
#
#   bench/run.sh [--runs N] NAME...     NAME: help, version, topics-list, produce, produce-memory, consume,
#                                       consume-3, groups-describe, groups-describe-all,
#                                       producer-perf, consumer-perf, dump-log, get-offsets,
#                                       delete-records, log-dirs, configs, leader-election,
#                                       cluster-start, reassign, share-groups, streams-groups,
#                                       cluster-tools, admin-tools, security-tools,
#                                       search, search-3, groups-watch, schema-consume,
#                                       schema-produce,
#                                       share-perf,
#                                       minimal-moves (or all)
#
# produce pipes 1,000,000 lines of 99 bytes into a fresh three-partition topic, whole process timed
# (JVM start, connect, send, acknowledgement of the last record): kafkit console-producer,
# Apache's kafka-console-producer (its script's -Xmx512M) and kcat -P -l, one run of each in turn
# per round, after three untimed pipes that warm the broker up.
#
# produce-memory pipes one, then ten million of those lines into kafkit console-producer and
# reports its peak resident memory (GNU time) for each: it must not grow with the input.
#
# consume reads those 1,000,000 records of a one-partition topic from the beginning to /dev/null
# with the default format: kafkit and Apache's console consumers with --max-messages 1000000, kcat
# -C -e -c 1000000, in turn; consume-3 the same from a three-partition topic.
#
# groups-describe and groups-describe-all describe one, then all of 200 consumer groups over
# 1,000 partitions (bench/setup/groups.jsh makes them), with kafkit and kafka-consumer-groups.
#
# producer-perf and consumer-perf compare the rates the perf tools themselves report (not wall
# time): kafkit producer-perf-test against Apache's ProducerPerformance (1,000,000 records of 100
# bytes, --throughput -1, default producer properties, a fresh one-partition topic each run), and
# consumer-perf-test against ConsumerPerformance (the 1,000,000 records of consume, a new group
# each run). The runs alternate, Apache first, $perf_runs of each (default 3); medians and ratios.
#
# get-offsets prints the end offsets of consume-3's three-partition topic, kafkit against
# kafka-get-offsets.sh; delete-records deletes the records before offset 0 of its three
# partitions (nothing: the same requests every run) from an offset JSON file; log-dirs describes
# the broker's log directories, every topic, output to a pipe (Apache's lines and document);
# configs describes that topic's dynamic configs (--describe --topic T), then alters one
# (--alter --add-config retention.ms=...: the same value every run); leader-election runs a
# preferred election of that topic's partition 0 (already led by its preferred replica: the same
# request and answer every run).
#
# cluster-start starts three nodes (KRaft, the first three controllers too) and waits until all
# three are live brokers, whole process timed, then stops them: kafkit broker start --nodes 3,
# against Apache's way by hand with the same server.properties and the same jars (lib/broker):
# kafka-storage.sh format for each node, then kafka-server-start.sh -daemon for each (its script's
# -Xmx1G -Xms1G and flags), then a poll until the three answer (kafkit log-dirs --broker-list
# 1,2,3). Once from empty directories (format and start), once from formatted ones (a restart);
# 5 interleaved runs at most. Then the resident memory of each's three nodes, idle for 30 s.
#
# reassign lists the reassignments in progress (none), verifies a plan of consume-3's topic's
# three partitions where they are (completed: the same answer, and the same throttle removal,
# every run), generates a plan for that topic onto broker 1, executes the plan (a move to where
# the replicas are: the broker completes it at once, so every run is the same), and cancels it
# (nothing active: the same answer and throttle removal every run), kafkit against
# kafka-reassign-partitions.sh. minimal-moves plans, without a cluster,
# 1,000 partitions of three replicas from 6 brokers onto 8 and onto 5, and 10,000 from 9 brokers
# onto 12, with --generate --minimal-moves' placement (bench/setup/minimal-moves.jsh): how many
# replicas it moves against the fresh layout, and how long planning takes.
#
# share-groups describes a share group with a start offset on each of consume-3's topic's three
# partitions (set once with --reset-offsets), kafkit against kafka-share-groups.sh; then lists
# every group with kafkit groups against kafka-groups.sh.
#
# streams-groups describes the stable streams group of a running Kafka Streams application
# (bench/setup/StreamsApp.java, Kafka Streams fetched by bench/apache/streams-pom.xml) that counts
# the values of a three-partition topic of 300 records, kafkit against kafka-streams-groups.sh.
#
# cluster-tools times kafka-cluster.sh cluster-id and list-endpoints, kafka-broker-api-versions.sh,
# kafka-features.sh describe and version-mapping (no cluster), and kafka-metadata-quorum.sh
# describe --status (through the controller) and --replication, each kafkit against Apache's.
#
# admin-tools times kafka-transactions.sh list and find-hanging (consume-3's topic),
# kafka-client-metrics.sh --describe (one resource) and kafka-e2e-latency.sh (1,000 records of
# 100 bytes, acks=1, whole process), each kafkit against Apache's.
#
# schema-consume reads 1,000,000 records of about 100 bytes from the beginning to /dev/null with
# kafkit console-consumer: consume's text records, then the same count as Avro and as Protobuf
# in the registry's wire format, decoded to JSON through a real registry (Apicurio, started from
# the schema-registry-server module's build); schema-produce pipes 1,000,000 text lines, then
# 1,000,000 JSON lines encoded as Avro, then as Protobuf, by a registered schema's id, into a fresh
# one-partition topic. The ratios are each run's time over the text run's.
#
# search and search-3 look for the one record of consume's (or consume-3's) topic whose value
# starts with 0471100, from the beginning to the end: kafkit console-consumer --exit-at-end
# --filter-value '^0471100 ' against kcat -C -e -o beginning -q piped into grep, in turn.
#
# groups-watch runs kafkit consumer-groups --describe --all-groups --watch 1s --verbose over the 200
# groups of groups-describe for $watch_seconds seconds (default 60), output to a file, and reports
# the requests each refresh sent (from the header lines) and the process's resident memory at 10 s
# and at the end: neither may grow.
#
# security-tools starts a broker of its own with StandardAuthorizer and a SASL_PLAINTEXT (PLAIN)
# listener beside the PLAINTEXT one (whose ANONYMOUS user is, like the SASL admin, a super user),
# and times kafka-acls.sh --list (20 ACLs on 10 topics) and --add (an ACL already there: the same
# request every run), and kafka-delegation-tokens.sh --describe (five tokens) and --create, over
# SASL with a --command-config file, each kafkit against Apache's.
#
# share-perf compares the records per second share-consumer-perf-test reports against Apache's
# ShareConsumerPerformance (its script's -Xmx512M): 200,000 records of consume's topic, one share
# consumer, a new share group starting at the earliest record each run; alternating, Apache first,
# $perf_runs of each after an untimed kafkit run.
#
# dump-log prints a 105 MB segment of 1,000,000 records of 100 bytes (written once by
# producer-perf-test) with --print-data-log to /dev/null, whole process, and the peak resident
# memory of each tool (GNU time).
#
# It builds kafkit if needed, fetches Apache's tools from Maven Central (bench/apache/pom.xml),
# installs kcat from Debian's packages if it can, starts a kafkit broker on a spare port, and
# stops it at the end. Results go to stdout and bench/work/results-NAME.txt.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
work=$here/work
runs=15
names=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    *) names+=("$1"); shift ;;
  esac
done
[ ${#names[@]} -gt 0 ] || names=(all)
[ "${names[0]}" = all ] && names=(help version topics-list produce produce-memory consume consume-3 groups-describe groups-describe-all producer-perf consumer-perf dump-log get-offsets delete-records log-dirs configs leader-election reassign share-groups streams-groups cluster-tools admin-tools security-tools search search-3 groups-watch schema-consume schema-produce share-perf minimal-moves cluster-start)
perf_runs=${PERF_RUNS:-3}
mkdir -p "$work"

# The self-contained image (its own runtime and ahead-of-time cache) when the build made one,
# else the plain distribution on the machine's Java; KAFKIT_BENCH_HOME picks another.
find_kafkit() {
  ls -d "$root"/dist/target/image/kafkit-*/ "$root"/dist/target/kafkit-*/ 2>/dev/null | head -1 || true
}
kafkit_home=${KAFKIT_BENCH_HOME:+${KAFKIT_BENCH_HOME%/}/}
[ -n "$kafkit_home" ] || kafkit_home=$(find_kafkit)
if [ -z "$kafkit_home" ]; then
  (cd "$root" && mvn -B -q -DskipTests package)
  kafkit_home=$(find_kafkit)
fi
echo "kafkit: $kafkit_home" >&2
kafkit=${kafkit_home}bin/kafkit

# One folder per Apache release, so that jars of an older one never join the class path.
apache_lib=$work/apache-lib-$(sed -n 's:.*<kafka-tools.version>\(.*\)</kafka-tools.version>.*:\1:p' "$here/apache/pom.xml")
if [ ! -d "$apache_lib" ]; then
  mvn -B -q -f "$here/apache/pom.xml" dependency:copy-dependencies
fi
if ! command -v kcat >/dev/null 2>&1; then
  (apt-get install -y -qq kcat >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq kcat; }) \
    >/dev/null 2>&1 || echo "(kcat could not be installed; its rows are left out)"
fi

# What bin/kafka-run-class.sh gives each Apache tool.
apache_java=(java -Xmx256M -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true
  -Dlog4j2.configurationFile="$here/apache/tools-log4j2.properties" -cp "$apache_lib/*")
apache() {
  "${apache_java[@]}" "$@"
}

# kafka-console-producer.sh and kafka-console-consumer.sh raise the heap to 512M.
apache512() {
  java -Xmx512M -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/apache/tools-log4j2.properties" \
    -cp "$apache_lib/*" "$@"
}

# kafkit_flags: Apache's tool on the JVM and flags kafkit's launcher gives its perf tools (the
# image's runtime when there is one), to tell the JVM's share of a difference from the tool's.
kafkit_flags() {
  local java=java
  [ -x "${kafkit_home}runtime/bin/java" ] && java=${kafkit_home}runtime/bin/java
  "$java" -XX:+UseParallelGC -XX:-UsePerfData -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/apache/tools-log4j2.properties" \
    -cp "$apache_lib/*" "$@"
}

# fresh_topic: an empty bench-produce topic of $fresh_partitions partitions (default one), so runs
# neither grow the log nor differ in what the broker holds.
fresh_partitions=1
fresh_topic() {
  "$kafkit" topics --bootstrap-server "$bs" --delete --topic bench-produce --if-exists >/dev/null 2>&1 || true
  until "$kafkit" topics --bootstrap-server "$bs" --create --topic bench-produce --partitions "$fresh_partitions" >/dev/null 2>&1; do
    sleep 0.2
  done
}

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
cport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
broker_dir=$work/broker
bs=localhost:$port
started=no
start_broker() {
  if [ $started = no ]; then
    rm -rf "$broker_dir"
    "$kafkit" broker start --data-dir "$broker_dir" --port "$port" --controller-port "$cport" >/dev/null
    started=yes
  fi
}

# start_registry: the schema registry the tests use (Apicurio 2.4.2, in memory, built by the
# schema-registry-server module), on a free port; $registry is its Confluent-compatible API.
registry_pid=
start_registry() {
  [ -z "$registry_pid" ] || return 0
  local jar=$root/schema-registry-server/server/target/quarkus-app/quarkus-run.jar
  [ -f "$jar" ] || mvn -B -q -f "$root/schema-registry-server/pom.xml" package -DskipTests
  local rport
  rport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  java -Xmx256m -Dquarkus.http.port="$rport" \
    '-Dquarkus.log.category."io.apicurio.common.apps.logging.audit".level=WARN' \
    -jar "$jar" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  registry=http://127.0.0.1:$rport/apis/ccompat/v7
  until curl -sf "$registry/subjects" >/dev/null 2>&1; do sleep 0.2; done
}

cleanup() {
  [ -z "$registry_pid" ] || kill "$registry_pid" 2>/dev/null || true
  [ $started = no ] || "$kafkit" broker stop --data-dir "$broker_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT

# median_ms LABEL COMMAND...: runs the command $runs times (after one warm-up that must succeed),
# prints the median. A LABEL ending in '?' accepts any exit code (Apache's --help exits 1).
# $before_each, if set, names a command run (untimed) before each run; $stdin_file, if set, is
# each run's standard input.
before_each=
stdin_file=/dev/null
median_ms() {
  local label=$1; shift
  if [[ $label != *'?' ]]; then
    [ -z "$before_each" ] || $before_each
    "$@" <"$stdin_file" >/dev/null 2>&1 || { echo "FAILED: $label: $*" >&2; "$@" <"$stdin_file" >&2 || true; exit 1; }
  fi
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    [ -z "$before_each" ] || $before_each
    t0=$(date +%s%N); "$@" <"$stdin_file" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'
}

# interleaved_ms FUNCTION...: runs each function once per round, in turn, for $runs rounds after
# one warm-up round whose runs must all succeed, so that a broker still warming up or a noisy
# neighbour weighs on every tool alike; prints each function's median in ms, one per line, in the
# order given. $before_each and $stdin_file as for median_ms.
interleaved_ms() {
  local f t0 t1
  declare -A times=()
  for f in "$@"; do
    [ -z "$before_each" ] || $before_each
    "$f" <"$stdin_file" >/dev/null 2>&1 || { echo "FAILED: $f" >&2; "$f" <"$stdin_file" >&2 || true; exit 1; }
  done
  for _ in $(seq "$runs"); do
    for f in "$@"; do
      [ -z "$before_each" ] || $before_each
      t0=$(date +%s%N); "$f" <"$stdin_file" >/dev/null 2>&1; t1=$(date +%s%N)
      times[$f]+=" $(( (t1 - t0) / 1000000 ))"
    done
  done
  for f in "$@"; do
    printf '%s\n' ${times[$f]} | median
  done
}

# warm_broker: a fresh broker compiles its write path during the first few million records, which
# would slow whichever tool ran first; pipe the lines three times into a scratch topic first.
warm_broker() {
  "$kafkit" topics --bootstrap-server "$bs" --create --topic bench-warm --partitions 1 >/dev/null 2>&1 || true
  for _ in 1 2 3; do
    "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-warm <"$lines"
  done
  "$kafkit" topics --bootstrap-server "$bs" --delete --topic bench-warm >/dev/null 2>&1 || true
}

report() { # NAME then pairs of LABEL MS
  local name=$1; shift
  local base_label=$1 base=$2
  {
    echo "benchmark: $name  (median of $runs runs, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
    while [ $# -gt 0 ]; do
      awk -v l="$1" -v m="$2" -v b="$base" 'BEGIN { printf "  %-34s %7.0f ms   %5.2fx of kafkit\n", l, m, m / b }'
      shift 2
    done
  } | tee "$work/results-$name.txt"
}

median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'; }

# rate_report NAME UNIT then pairs of LABEL FILE (one rate per line), Apache's first: medians and
# ratios to Apache's.
rate_report() {
  local name=$1 unit=$2; shift 2
  local base
  base=$(median <"$2")
  {
    echo "benchmark: $name  (median of $perf_runs alternating runs, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
    while [ $# -gt 0 ]; do
      local m
      m=$(median <"$2")
      awk -v l="$1" -v m="$m" -v b="$base" -v u="$unit" -v all="$(tr '\n' ' ' <"$2")" \
        'BEGIN { printf "  %-44s %10.0f %s   %5.3fx of Apache   (runs: %s)\n", l, m, u, m / b, all }'
      shift 2
    done
  } | tee "$work/results-$name.txt"
}

# consume_topic [PARTITIONS]: bench-consume (one partition) or bench-consume-N holding the
# 1,000,000 lines of produce, made once; sets $consume_name to its name.
consume_topic() {
  local partitions=${1:-1}
  consume_name=bench-consume
  [ "$partitions" = 1 ] || consume_name=bench-consume-$partitions
  lines=$work/lines-1m.txt
  [ -s "$lines" ] || awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "%07d %s\n", i, "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghi" }' >"$lines"
  if ! "$kafkit" topics --bootstrap-server "$bs" --describe --topic "$consume_name" >/dev/null 2>&1; then
    "$kafkit" topics --bootstrap-server "$bs" --create --topic "$consume_name" --partitions "$partitions" >/dev/null
    "$kafkit" console-producer --bootstrap-server "$bs" --topic "$consume_name" <"$lines"
  fi
}

for name in "${names[@]}"; do
  case $name in
    help)
      k=$(median_ms kafkit "$kafkit" topics --help)
      a=$(median_ms "apache?" apache org.apache.kafka.tools.TopicCommand --help)
      report help "kafkit topics --help" "$k" "kafka-topics.sh --help" "$a" ;;
    version)
      k=$(median_ms kafkit "$kafkit" --version)
      a=$(median_ms apache apache org.apache.kafka.tools.TopicCommand --version)
      report version "kafkit --version" "$k" "kafka-topics.sh --version" "$a" ;;
    topics-list)
      start_broker
      k=$(median_ms kafkit "$kafkit" topics --bootstrap-server "$bs" --list)
      a=$(median_ms apache apache org.apache.kafka.tools.TopicCommand --bootstrap-server "$bs" --list)
      if command -v kcat >/dev/null 2>&1; then
        c=$(median_ms kcat kcat -b "$bs" -L)
        report topics-list "kafkit topics --list" "$k" "kafka-topics.sh --list" "$a" "kcat -L" "$c"
      else
        report topics-list "kafkit topics --list" "$k" "kafka-topics.sh --list" "$a"
      fi ;;
    produce)
      start_broker
      lines=$work/lines-1m.txt
      [ -s "$lines" ] || awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "%07d %s\n", i, "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghi" }' >"$lines"
      warm_broker
      before_each=fresh_topic
      fresh_partitions=3
      stdin_file=$lines
      produce_k() { "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-produce; }
      produce_a() { apache512 org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$bs" --topic bench-produce; }
      produce_c() { kcat -P -b "$bs" -t bench-produce; }
      if command -v kcat >/dev/null 2>&1; then
        mapfile -t m < <(interleaved_ms produce_k produce_a produce_c)
        [ "${#m[@]}" -ge 2 ] || exit 1
        report produce "kafkit console-producer" "${m[0]}" "kafka-console-producer.sh" "${m[1]}" "kcat -P" "${m[2]}"
      else
        mapfile -t m < <(interleaved_ms produce_k produce_a)
        [ "${#m[@]}" -ge 2 ] || exit 1
        report produce "kafkit console-producer" "${m[0]}" "kafka-console-producer.sh" "${m[1]}"
      fi
      before_each=; stdin_file=/dev/null; fresh_partitions=1 ;;
    consume | consume-3)
      start_broker
      if [ "$name" = consume ]; then consume_topic 1; else consume_topic 3; fi
      consume_k() { "$kafkit" console-consumer --bootstrap-server "$bs" --topic "$consume_name" --from-beginning --max-messages 1000000; }
      consume_a() { apache512 org.apache.kafka.tools.consumer.ConsoleConsumer --bootstrap-server "$bs" --topic "$consume_name" --from-beginning --max-messages 1000000; }
      consume_c() { kcat -C -b "$bs" -t "$consume_name" -o beginning -e -q -c 1000000; }
      if command -v kcat >/dev/null 2>&1; then
        mapfile -t m < <(interleaved_ms consume_k consume_a consume_c)
        [ "${#m[@]}" -ge 2 ] || exit 1
        report "$name" "kafkit console-consumer" "${m[0]}" "kafka-console-consumer.sh" "${m[1]}" "kcat -C -e" "${m[2]}"
      else
        mapfile -t m < <(interleaved_ms consume_k consume_a)
        [ "${#m[@]}" -ge 2 ] || exit 1
        report "$name" "kafkit console-consumer" "${m[0]}" "kafka-console-consumer.sh" "${m[1]}"
      fi ;;
    search | search-3)
      start_broker
      if [ "$name" = search ]; then consume_topic 1; else consume_topic 3; fi
      search_k() { "$kafkit" console-consumer --bootstrap-server "$bs" --topic "$consume_name" --from-beginning --exit-at-end --filter-value '^0471100 '; }
      search_c() { kcat -C -b "$bs" -t "$consume_name" -o beginning -e -q | grep '^0471100 '; }
      mapfile -t m < <(interleaved_ms search_k search_c)
      [ "${#m[@]}" -ge 2 ] || exit 1
      report "$name" "kafkit console-consumer --filter-value" "${m[0]}" "kcat -C -e | grep" "${m[1]}" ;;
    schema-consume | schema-produce)
      start_broker
      start_registry
      consume_topic 1
      json=$work/orders-1m.jsonl
      [ -s "$json" ] || awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "{\"id\":%d,\"item\":\"item-%07d\",\"note\":\"%s\"}\n", i, i, "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij" }' >"$json"
      printf '%s' '{"type":"record","name":"Order","fields":[{"name":"id","type":"long"},{"name":"item","type":"string"},{"name":"note","type":"string"}]}' >"$work/order.avsc"
      printf '%s\n' 'syntax = "proto3";' 'message Order { int64 id = 1; string item = 2; string note = 3; }' >"$work/order.proto"
      for kind in avsc proto; do
        if ! "$kafkit" topics --bootstrap-server "$bs" --describe --topic "bench-$kind" >/dev/null 2>&1; then
          "$kafkit" topics --bootstrap-server "$bs" --create --topic "bench-$kind" --partitions 1 >/dev/null
          "$kafkit" console-producer --bootstrap-server "$bs" --topic "bench-$kind" --schema-registry "$registry" \
            --value-schema-file "$work/order.$kind" --register <"$json"
        fi
      done
      if [ "$name" = schema-consume ]; then
        plain_k() { "$kafkit" console-consumer --bootstrap-server "$bs" --topic "$consume_name" --from-beginning --max-messages 1000000; }
        avro_k() { "$kafkit" console-consumer --bootstrap-server "$bs" --topic bench-avsc --from-beginning --max-messages 1000000 --schema-registry "$registry"; }
        proto_k() { "$kafkit" console-consumer --bootstrap-server "$bs" --topic bench-proto --from-beginning --max-messages 1000000 --schema-registry "$registry"; }
        mapfile -t m < <(interleaved_ms plain_k avro_k proto_k)
        [ "${#m[@]}" -ge 3 ] || exit 1
        report "$name" "kafkit console-consumer, text" "${m[0]}" "the same, Avro (registry)" "${m[1]}" "the same, Protobuf (registry)" "${m[2]}"
      else
        avro_id=$(curl -sf "$registry/subjects/bench-avsc-value/versions/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
        proto_id=$(curl -sf "$registry/subjects/bench-proto-value/versions/latest" | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
        fresh_partitions=1
        before_each=fresh_topic
        plain_k() { "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-produce <"$lines"; }
        avro_k() { "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-produce --schema-registry "$registry" --value-schema-id "$avro_id" <"$json"; }
        proto_k() { "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-produce --schema-registry "$registry" --value-schema-id "$proto_id" <"$json"; }
        mapfile -t m < <(interleaved_ms plain_k avro_k proto_k)
        [ "${#m[@]}" -ge 3 ] || exit 1
        report "$name" "kafkit console-producer, text" "${m[0]}" "the same, JSON lines as Avro" "${m[1]}" \
          "the same, JSON lines as Protobuf" "${m[2]}"
        before_each=
      fi ;;
    get-offsets)
      start_broker
      consume_topic 3
      k=$(median_ms kafkit "$kafkit" get-offsets --bootstrap-server "$bs" --topic "$consume_name")
      a=$(median_ms apache apache org.apache.kafka.tools.GetOffsetShell --bootstrap-server "$bs" --topic "$consume_name")
      report get-offsets "kafkit get-offsets --topic T" "$k" "kafka-get-offsets.sh --topic T" "$a" ;;
    delete-records)
      start_broker
      consume_topic 3
      offsets=$work/delete-records.json
      printf '{"partitions": [{"topic": "%s", "partition": 0, "offset": 0}, {"topic": "%s", "partition": 1, "offset": 0}, {"topic": "%s", "partition": 2, "offset": 0}], "version": 1}\n' \
        "$consume_name" "$consume_name" "$consume_name" >"$offsets"
      k=$(median_ms kafkit "$kafkit" delete-records --bootstrap-server "$bs" --offset-json-file "$offsets")
      a=$(median_ms apache apache org.apache.kafka.tools.DeleteRecordsCommand --bootstrap-server "$bs" --offset-json-file "$offsets")
      report delete-records "kafkit delete-records" "$k" "kafka-delete-records.sh" "$a" ;;
    log-dirs)
      start_broker
      consume_topic 3
      k=$(median_ms kafkit "$kafkit" log-dirs --bootstrap-server "$bs" --describe)
      a=$(median_ms apache apache org.apache.kafka.tools.LogDirsCommand --bootstrap-server "$bs" --describe)
      report log-dirs "kafkit log-dirs --describe" "$k" "kafka-log-dirs.sh --describe" "$a" ;;
    configs)
      start_broker
      consume_topic 3
      k=$(median_ms kafkit "$kafkit" configs --bootstrap-server "$bs" --describe --topic "$consume_name")
      a=$(median_ms apache apache org.apache.kafka.tools.ConfigCommand --bootstrap-server "$bs" --describe --topic "$consume_name")
      report configs "kafkit configs --describe --topic T" "$k" "kafka-configs.sh --describe --topic T" "$a"
      k=$(median_ms kafkit "$kafkit" configs --bootstrap-server "$bs" --alter --topic "$consume_name" --add-config retention.ms=604800000)
      a=$(median_ms apache apache org.apache.kafka.tools.ConfigCommand --bootstrap-server "$bs" --alter --topic "$consume_name" --add-config retention.ms=604800000)
      report configs-alter "kafkit configs --alter --add-config" "$k" "kafka-configs.sh --alter --add-config" "$a" ;;
    leader-election)
      start_broker
      consume_topic 3
      k=$(median_ms kafkit "$kafkit" leader-election --bootstrap-server "$bs" --election-type preferred --topic "$consume_name" --partition 0)
      a=$(median_ms apache apache org.apache.kafka.tools.LeaderElectionCommand --bootstrap-server "$bs" --election-type preferred --topic "$consume_name" --partition 0)
      report leader-election "kafkit leader-election --topic T" "$k" "kafka-leader-election.sh --topic T" "$a" ;;
    reassign)
      start_broker
      consume_topic 3
      plan=$work/reassign-plan.json
      printf '{"version":1,"partitions":[{"topic":"%s","partition":0,"replicas":[1]},{"topic":"%s","partition":1,"replicas":[1]},{"topic":"%s","partition":2,"replicas":[1]}]}\n' \
        "$consume_name" "$consume_name" "$consume_name" >"$plan"
      k=$(median_ms kafkit "$kafkit" reassign-partitions --bootstrap-server "$bs" --list)
      a=$(median_ms apache apache org.apache.kafka.tools.reassign.ReassignPartitionsCommand --bootstrap-server "$bs" --list)
      report reassign-list "kafkit reassign-partitions --list" "$k" "kafka-reassign-partitions.sh --list" "$a"
      k=$(median_ms kafkit "$kafkit" reassign-partitions --bootstrap-server "$bs" --verify --reassignment-json-file "$plan")
      a=$(median_ms apache apache org.apache.kafka.tools.reassign.ReassignPartitionsCommand --bootstrap-server "$bs" --verify --reassignment-json-file "$plan")
      report reassign-verify "kafkit reassign-partitions --verify" "$k" "kafka-reassign-partitions.sh --verify" "$a"
      move=$work/reassign-move.json
      printf '{"version":1,"topics":[{"topic":"%s"}]}\n' "$consume_name" >"$move"
      k=$(median_ms kafkit "$kafkit" reassign-partitions --bootstrap-server "$bs" --generate --topics-to-move-json-file "$move" --broker-list 1)
      a=$(median_ms apache apache org.apache.kafka.tools.reassign.ReassignPartitionsCommand --bootstrap-server "$bs" --generate --topics-to-move-json-file "$move" --broker-list 1)
      report reassign-generate "kafkit reassign-partitions --generate" "$k" "kafka-reassign-partitions.sh --generate" "$a"
      k=$(median_ms kafkit "$kafkit" reassign-partitions --bootstrap-server "$bs" --execute --reassignment-json-file "$plan")
      a=$(median_ms apache apache org.apache.kafka.tools.reassign.ReassignPartitionsCommand --bootstrap-server "$bs" --execute --reassignment-json-file "$plan")
      report reassign-execute "kafkit reassign-partitions --execute" "$k" "kafka-reassign-partitions.sh --execute" "$a"
      k=$(median_ms kafkit "$kafkit" reassign-partitions --bootstrap-server "$bs" --cancel --reassignment-json-file "$plan")
      a=$(median_ms apache apache org.apache.kafka.tools.reassign.ReassignPartitionsCommand --bootstrap-server "$bs" --cancel --reassignment-json-file "$plan")
      report reassign-cancel "kafkit reassign-partitions --cancel" "$k" "kafka-reassign-partitions.sh --cancel" "$a" ;;
    share-groups)
      start_broker
      consume_topic 3
      # a share group with a start offset on each of the topic's three partitions, made once
      "$kafkit" share-groups --bootstrap-server "$bs" --group bench-share --reset-offsets \
        --to-offset 500 --topic "$consume_name" --execute >/dev/null
      k=$(median_ms kafkit "$kafkit" share-groups --bootstrap-server "$bs" --describe --group bench-share)
      a=$(median_ms apache apache org.apache.kafka.tools.consumer.group.ShareGroupCommand --bootstrap-server "$bs" --describe --group bench-share)
      report share-groups-describe "kafkit share-groups --describe" "$k" "kafka-share-groups.sh --describe" "$a"
      k=$(median_ms kafkit "$kafkit" groups --bootstrap-server "$bs" --list)
      a=$(median_ms apache apache org.apache.kafka.tools.GroupsCommand --bootstrap-server "$bs" --list)
      report groups-list "kafkit groups --list" "$k" "kafka-groups.sh --list" "$a" ;;
    cluster-tools)
      start_broker
      bc=127.0.0.1:$cport
      k=$(median_ms kafkit "$kafkit" cluster cluster-id --bootstrap-server "$bs")
      a=$(median_ms apache apache org.apache.kafka.tools.ClusterTool cluster-id --bootstrap-server "$bs")
      report cluster-id "kafkit cluster cluster-id" "$k" "kafka-cluster.sh cluster-id" "$a"
      k=$(median_ms kafkit "$kafkit" cluster list-endpoints --bootstrap-server "$bs")
      a=$(median_ms apache apache org.apache.kafka.tools.ClusterTool list-endpoints --bootstrap-server "$bs")
      report cluster-list-endpoints "kafkit cluster list-endpoints" "$k" "kafka-cluster.sh list-endpoints" "$a"
      k=$(median_ms kafkit "$kafkit" broker-api-versions --bootstrap-server "$bs")
      a=$(median_ms apache apache org.apache.kafka.tools.BrokerApiVersionsCommand --bootstrap-server "$bs")
      report broker-api-versions "kafkit broker-api-versions" "$k" "kafka-broker-api-versions.sh" "$a"
      k=$(median_ms kafkit "$kafkit" features --bootstrap-server "$bs" describe)
      a=$(median_ms apache apache org.apache.kafka.tools.FeatureCommand --bootstrap-server "$bs" describe)
      report features-describe "kafkit features describe" "$k" "kafka-features.sh describe" "$a"
      k=$(median_ms kafkit "$kafkit" features version-mapping)
      a=$(median_ms apache apache org.apache.kafka.tools.FeatureCommand version-mapping)
      report features-version-mapping "kafkit features version-mapping" "$k" "kafka-features.sh version-mapping" "$a"
      k=$(median_ms kafkit "$kafkit" metadata-quorum --bootstrap-controller "$bc" describe --status)
      a=$(median_ms apache apache org.apache.kafka.tools.MetadataQuorumCommand --bootstrap-controller "$bc" describe --status)
      report metadata-quorum-status "kafkit metadata-quorum --status" "$k" "kafka-metadata-quorum.sh --status" "$a"
      k=$(median_ms kafkit "$kafkit" metadata-quorum --bootstrap-server "$bs" describe --replication)
      a=$(median_ms apache apache org.apache.kafka.tools.MetadataQuorumCommand --bootstrap-server "$bs" describe --replication)
      report metadata-quorum-replication "kafkit metadata-quorum --replication" "$k" "kafka-metadata-quorum.sh --replication" "$a" ;;
    admin-tools)
      start_broker
      consume_topic 3
      k=$(median_ms kafkit "$kafkit" transactions --bootstrap-server "$bs" list)
      a=$(median_ms apache apache org.apache.kafka.tools.TransactionsCommand --bootstrap-server "$bs" list)
      report transactions-list "kafkit transactions list" "$k" "kafka-transactions.sh list" "$a"
      k=$(median_ms kafkit "$kafkit" transactions --bootstrap-server "$bs" find-hanging --topic "$consume_name")
      a=$(median_ms apache apache org.apache.kafka.tools.TransactionsCommand --bootstrap-server "$bs" find-hanging --topic "$consume_name")
      report transactions-find-hanging "kafkit transactions find-hanging" "$k" "kafka-transactions.sh find-hanging" "$a"
      "$kafkit" client-metrics --bootstrap-server "$bs" --alter --name bench-metrics --metrics org.apache.kafka.producer. >/dev/null
      k=$(median_ms kafkit "$kafkit" client-metrics --bootstrap-server "$bs" --describe)
      a=$(median_ms apache apache org.apache.kafka.tools.ClientMetricsCommand --bootstrap-server "$bs" --describe)
      report client-metrics-describe "kafkit client-metrics --describe" "$k" "kafka-client-metrics.sh --describe" "$a"
      "$kafkit" topics --bootstrap-server "$bs" --describe --topic bench-e2e >/dev/null 2>&1 ||
        "$kafkit" topics --bootstrap-server "$bs" --create --topic bench-e2e --partitions 1 >/dev/null
      k=$(median_ms kafkit "$kafkit" e2e-latency --bootstrap-server "$bs" --topic bench-e2e --num-records 1000 --producer-acks 1 --record-size 100)
      a=$(median_ms apache apache org.apache.kafka.tools.EndToEndLatency --bootstrap-server "$bs" --topic bench-e2e --num-records 1000 --producer-acks 1 --record-size 100)
      report e2e-latency-1000 "kafkit e2e-latency: 1000 records" "$k" "kafka-e2e-latency.sh: 1000 records" "$a" ;;
    security-tools)
      free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
      sec_port=$(free_port); sasl_port=$(free_port); sec_cport=$(free_port)
      sec_dir=$work/broker-security
      rm -rf "$sec_dir"
      jaas='org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="admin-secret" user_admin="admin-secret";'
      "$kafkit" broker start --data-dir "$sec_dir" --port "$sec_port" --controller-port "$sec_cport" \
        --override "listeners=PLAINTEXT://127.0.0.1:$sec_port,SASL_PLAINTEXT://127.0.0.1:$sasl_port,CONTROLLER://127.0.0.1:$sec_cport" \
        --override "advertised.listeners=PLAINTEXT://127.0.0.1:$sec_port,SASL_PLAINTEXT://127.0.0.1:$sasl_port" \
        --override "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT" \
        --override "inter.broker.listener.name=PLAINTEXT" \
        --override "sasl.enabled.mechanisms=PLAIN" \
        --override "listener.name.sasl_plaintext.plain.sasl.jaas.config=$jaas" \
        --override "authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer" \
        --override "super.users=User:admin;User:ANONYMOUS" \
        --override "delegation.token.secret.key=bench-token-secret" >/dev/null
      trap '"$kafkit" broker stop --data-dir "$sec_dir" >/dev/null 2>&1 || true; [ $started = no ] || "$kafkit" broker stop --data-dir "$broker_dir" >/dev/null 2>&1 || true' EXIT
      sec_bs=127.0.0.1:$sec_port
      sasl_config=$work/sasl-admin.properties
      printf '%s\n' 'security.protocol=SASL_PLAINTEXT' 'sasl.mechanism=PLAIN' \
        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"admin-secret\";" >"$sasl_config"
      for i in $(seq 1 10); do
        "$kafkit" acls --bootstrap-server "$sec_bs" --add --allow-principal "User:bench-$i" --operation Read --operation Describe --topic "bench-acl-$i" >/dev/null
      done
      k=$(median_ms kafkit "$kafkit" acls --bootstrap-server "$sec_bs" --list)
      a=$(median_ms apache apache org.apache.kafka.tools.AclCommand --bootstrap-server "$sec_bs" --list)
      report acls-list "kafkit acls --list" "$k" "kafka-acls.sh --list" "$a"
      k=$(median_ms kafkit "$kafkit" acls --bootstrap-server "$sec_bs" --add --allow-principal User:bench-1 --operation Read --topic bench-acl-1)
      a=$(median_ms apache apache org.apache.kafka.tools.AclCommand --bootstrap-server "$sec_bs" --add --allow-principal User:bench-1 --operation Read --topic bench-acl-1)
      report acls-add "kafkit acls --add" "$k" "kafka-acls.sh --add" "$a"
      for _ in 1 2 3 4 5; do
        "$kafkit" delegation-tokens --bootstrap-server "127.0.0.1:$sasl_port" --command-config "$sasl_config" --create --max-life-time-period -1 >/dev/null
      done
      k=$(median_ms kafkit "$kafkit" delegation-tokens --bootstrap-server "127.0.0.1:$sasl_port" --command-config "$sasl_config" --describe)
      a=$(median_ms apache apache org.apache.kafka.tools.DelegationTokenCommand --bootstrap-server "127.0.0.1:$sasl_port" --command-config "$sasl_config" --describe)
      report delegation-tokens-describe "kafkit delegation-tokens --describe" "$k" "kafka-delegation-tokens.sh --describe" "$a"
      k=$(median_ms kafkit "$kafkit" delegation-tokens --bootstrap-server "127.0.0.1:$sasl_port" --command-config "$sasl_config" --create --max-life-time-period -1)
      a=$(median_ms apache apache org.apache.kafka.tools.DelegationTokenCommand --bootstrap-server "127.0.0.1:$sasl_port" --command-config "$sasl_config" --create --max-life-time-period -1)
      report delegation-tokens-create "kafkit delegation-tokens --create" "$k" "kafka-delegation-tokens.sh --create" "$a"
      "$kafkit" broker stop --data-dir "$sec_dir" >/dev/null ;;
    streams-groups)
      start_broker
      for t in bench-streams-in bench-streams-out; do
        "$kafkit" topics --bootstrap-server "$bs" --describe --topic "$t" >/dev/null 2>&1 ||
          "$kafkit" topics --bootstrap-server "$bs" --create --topic "$t" --partitions 3 >/dev/null
      done
      seq 1 300 | "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-streams-in
      # a running Kafka Streams application (bench/setup/StreamsApp.java: a count by value, so a
      # repartition topic too) whose stable streams group is described
      streams_lib=$work/streams-lib-$(sed -n 's:.*<kafka-streams.version>\(.*\)</kafka-streams.version>.*:\1:p' "$here/apache/streams-pom.xml")
      [ -d "$streams_lib" ] || mvn -B -q -f "$here/apache/streams-pom.xml" dependency:copy-dependencies
      java -cp "$streams_lib/*" "$here/setup/StreamsApp.java" "$bs" bench-streams bench-streams-in \
        >"$work/streams-app.log" 2>&1 &
      streams_pid=$!
      for _ in $(seq 120); do grep -q RUNNING "$work/streams-app.log" && break; sleep 1; done
      sleep 5 # until it has processed the input: an idle application is described
      k=$(median_ms kafkit "$kafkit" streams-groups --bootstrap-server "$bs" --describe --group bench-streams)
      a=$(median_ms apache apache org.apache.kafka.tools.streams.StreamsGroupCommand --bootstrap-server "$bs" --describe --group bench-streams)
      report streams-groups-describe "kafkit streams-groups --describe" "$k" "kafka-streams-groups.sh --describe" "$a"
      kill "$streams_pid"; wait "$streams_pid" 2>/dev/null || true ;;
    minimal-moves)
      {
        echo "benchmark: minimal-moves  (one run each, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
        jshell --class-path "$(ls "$kafkit_home"lib/*.jar | tr '\n' ':')" "$here/setup/minimal-moves.jsh"
      } | tee "$work/results-minimal-moves.txt" ;;
    cluster-start)
      cluster_dir=$work/cluster
      apache_dir=$work/apache-cluster
      first=$(python3 -c '
import socket
while True:
    s = socket.socket(); s.bind(("127.0.0.1", 0)); p = s.getsockname()[1]; s.close()
    try:
        for q in range(p, p + 6):
            t = socket.socket(); t.bind(("127.0.0.1", q)); t.close()
        print(p); break
    except OSError:
        pass')
      cluster_bs=localhost:$first,localhost:$((first + 1)),localhost:$((first + 2))
      broker_lib=${kafkit_home}lib/broker
      # The same nodes for Apache: kafkit's server.properties with log directories of their own.
      rm -rf "$cluster_dir" "$apache_dir"
      "$kafkit" broker start --nodes 3 --data-dir "$cluster_dir" --port "$first" >/dev/null
      "$kafkit" broker stop --data-dir "$cluster_dir" >/dev/null 2>&1
      cluster_id=$(sed -n 's/^cluster.id=//p' "$cluster_dir/kafkit-broker.properties")
      mkdir -p "$apache_dir"
      for n in 1 2 3; do
        sed "s:^log.dirs=.*:log.dirs=$apache_dir/node-$n/kraft:" "$cluster_dir/node-$n/server.properties" >"$apache_dir/node-$n.properties"
      done
      apache_server() { # what kafka-server-start.sh and kafka-run-class.sh give the broker
        java -Xmx1G -Xms1G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
          -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true \
          -Dorg.slf4j.simpleLogger.logFile="$apache_dir/node-$1.log" -cp "$broker_lib/*" "${@:2}"
      }
      apache_start() {
        for n in 1 2 3; do
          [ -f "$apache_dir/node-$n/kraft/meta.properties" ] \
            || apache_server "$n" kafka.tools.StorageTool format -t "$cluster_id" -c "$apache_dir/node-$n.properties" >/dev/null
        done
        for n in 1 2 3; do
          nohup java -Xmx1G -Xms1G -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
            -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true \
            -Dorg.slf4j.simpleLogger.logFile="$apache_dir/node-$n.log" -cp "$broker_lib/*" \
            kafka.Kafka "$apache_dir/node-$n.properties" >"$apache_dir/node-$n.out" 2>&1 </dev/null &
          echo $! >"$apache_dir/node-$n.pid"
        done
        local deadline=$(( $(date +%s) + 120 ))
        until "$kafkit" log-dirs --bootstrap-server "$cluster_bs" --describe --broker-list 1,2,3 >/dev/null 2>&1; do
          [ "$(date +%s)" -lt $deadline ] || { echo "FAILED: Apache's nodes did not answer; see $apache_dir" >&2; exit 1; }
          sleep 0.2
        done
      }
      apache_stop() {
        local pids
        pids=$(cat "$apache_dir"/node-*.pid 2>/dev/null || true)
        [ -z "$pids" ] || { kill $pids 2>/dev/null || true; for p in $pids; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }
        rm -f "$apache_dir"/node-*.pid
      }
      kafkit_start() { "$kafkit" broker start --nodes 3 --data-dir "$cluster_dir" --port "$first"; }
      kafkit_stop() { "$kafkit" broker stop --data-dir "$cluster_dir" >/dev/null 2>&1; }
      trap 'kafkit_stop; apache_stop' EXIT
      cluster_runs=$(( runs < 5 ? runs : 5 ))
      declare -A took=()
      for fresh in yes no; do
        for _ in $(seq "$cluster_runs"); do
          for tool in apache kafkit; do
            if [ $fresh = yes ]; then
              rm -rf "$cluster_dir"/node-* "$apache_dir"/node-1 "$apache_dir"/node-2 "$apache_dir"/node-3
            fi
            t0=$(date +%s%N); ${tool}_start >/dev/null 2>&1; t1=$(date +%s%N)
            took[$tool-$fresh]+=" $(( (t1 - t0) / 1000000 ))"
            ${tool}_stop
          done
        done
      done
      saved_runs=$runs; runs=$cluster_runs
      report cluster-start "kafkit broker start --nodes 3 (new)" "$(printf '%s\n' ${took[kafkit-yes]} | median)" \
        "Apache by hand: format, start x3 (new)" "$(printf '%s\n' ${took[apache-yes]} | median)"
      report cluster-restart "kafkit broker start --nodes 3 (restart)" "$(printf '%s\n' ${took[kafkit-no]} | median)" \
        "Apache by hand: start x3 (restart)" "$(printf '%s\n' ${took[apache-no]} | median)"
      rss() { ps -o rss= -p "$(tr '\n' , <<<"$1" | sed 's/,$//')" | awk '{s += $1} END {printf "%d", s / 1024}'; }
      kafkit_start >/dev/null 2>&1; sleep 30
      k_rss=$(rss "$(cat "$cluster_dir"/node-*/broker.pid)"); kafkit_stop
      apache_start >/dev/null 2>&1; sleep 30
      a_rss=$(rss "$(cat "$apache_dir"/node-*.pid)"); apache_stop
      echo "  resident memory of three idle nodes: kafkit $k_rss MB, Apache (its -Xms1G) $a_rss MB" \
        | tee -a "$work/results-cluster-restart.txt"
      runs=$saved_runs
      trap - EXIT ;;
    groups-describe | groups-describe-all)
      start_broker
      if ! "$kafkit" consumer-groups --bootstrap-server "$bs" --describe --group bench-group-199 >/dev/null 2>&1; then
        BOOTSTRAP=$bs jshell --class-path "$(ls "$kafkit_home"lib/*.jar | tr '\n' ':')" "$here/setup/groups.jsh" >/dev/null
      fi
      if [ "$name" = groups-describe ]; then
        which=(--group bench-group-0)
      else
        which=(--all-groups)
      fi
      k=$(median_ms kafkit "$kafkit" consumer-groups --bootstrap-server "$bs" --describe "${which[@]}")
      a=$(median_ms apache apache org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server "$bs" --describe "${which[@]}")
      report "$name" "kafkit consumer-groups --describe ${which[*]}" "$k" "kafka-consumer-groups.sh" "$a" ;;
    groups-watch)
      start_broker
      if ! "$kafkit" consumer-groups --bootstrap-server "$bs" --describe --group bench-group-199 >/dev/null 2>&1; then
        BOOTSTRAP=$bs jshell --class-path "$(ls "$kafkit_home"lib/*.jar | tr '\n' ':')" "$here/setup/groups.jsh" >/dev/null
      fi
      watch_seconds=${WATCH_SECONDS:-60}
      "$kafkit" consumer-groups --bootstrap-server "$bs" --describe --all-groups --watch 1s --verbose \
        >"$work/watch.out" 2>"$work/watch.err" &
      watch_pid=$!
      sleep 10
      # the launcher execs java: the pid is the JVM's
      rss_early=$(ps -o rss= -p "$watch_pid" | tr -d ' ')
      sleep $((watch_seconds - 10))
      rss_late=$(ps -o rss= -p "$watch_pid" | tr -d ' ')
      kill -TERM "$watch_pid"; wait "$watch_pid" || true  # a background job ignores SIGINT
      requests=$(sed -n 's/^[0-9T:-]*Z (\([0-9]*\) requests)$/\1/p' "$work/watch.out")
      refreshes=$(printf '%s\n' "$requests" | grep -c .)
      rows=$(grep -c '^bench-group-' "$work/watch.out")
      {
        echo "benchmark: groups-watch  ($watch_seconds s, every 1 s, $(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
        echo "  refreshes: $refreshes, rows per refresh: $((rows / refreshes))"
        echo "  requests per refresh: first $(printf '%s\n' "$requests" | head -1), second $(printf '%s\n' "$requests" | sed -n 2p), last $(printf '%s\n' "$requests" | tail -1), most after the first $(printf '%s\n' "$requests" | tail -n +2 | sort -n | tail -1)"
        echo "  resident memory: ${rss_early} KB at 10 s, ${rss_late} KB at ${watch_seconds} s"
      } | tee "$work/results-groups-watch.txt" ;;
    producer-perf)
      start_broker
      for f in apache apache-flags kafkit; do : >"$work/rates-$f.txt"; done
      args=(--bootstrap-server "$bs" --topic bench-produce --num-records 1000000 --record-size 100 --throughput -1)
      total_rate() { sed -n 's/^1000000 records sent, \([0-9.]*\) records\/sec.*/\1/p'; }
      fresh_topic  # a warm-up run, not counted: the broker's first run is always the slowest
      "$kafkit" producer-perf-test "${args[@]}" >/dev/null
      for _ in $(seq "$perf_runs"); do
        fresh_topic
        apache512 org.apache.kafka.tools.ProducerPerformance "${args[@]}" | total_rate >>"$work/rates-apache.txt"
        fresh_topic
        kafkit_flags org.apache.kafka.tools.ProducerPerformance "${args[@]}" | total_rate >>"$work/rates-apache-flags.txt"
        fresh_topic
        "$kafkit" producer-perf-test "${args[@]}" | total_rate >>"$work/rates-kafkit.txt"
      done
      rate_report producer-perf records/s "kafka-producer-perf-test.sh" "$work/rates-apache.txt" \
        "  the same, kafkit's JVM and flags" "$work/rates-apache-flags.txt" \
        "kafkit producer-perf-test" "$work/rates-kafkit.txt" ;;
    consumer-perf)
      start_broker
      consume_topic
      for f in apache apache-flags kafkit; do : >"$work/rates-$f.txt"; : >"$work/rates-$f-fetch.txt"; done
      args=(--bootstrap-server "$bs" --topic bench-consume --num-records 1000000 --hide-header)
      rates() { tail -1 | awk -F', ' -v a="$work/rates-$1.txt" -v b="$work/rates-$1-fetch.txt" '{print $6 >> a; print $10 >> b}'; }
      "$kafkit" consumer-perf-test "${args[@]}" >/dev/null  # a warm-up run, not counted
      for _ in $(seq "$perf_runs"); do
        apache512 org.apache.kafka.tools.ConsumerPerformance "${args[@]}" | rates apache
        kafkit_flags org.apache.kafka.tools.ConsumerPerformance "${args[@]}" | rates apache-flags
        "$kafkit" consumer-perf-test "${args[@]}" | rates kafkit
      done
      rate_report consumer-perf records/s "kafka-consumer-perf-test.sh nMsg.sec" "$work/rates-apache.txt" \
        "  the same, kafkit's JVM and flags" "$work/rates-apache-flags.txt" \
        "kafkit consumer-perf-test nMsg.sec" "$work/rates-kafkit.txt"
      rate_report consumer-perf-fetch records/s "kafka-consumer-perf-test.sh fetch.nMsg.sec" "$work/rates-apache-fetch.txt" \
        "  the same, kafkit's JVM and flags" "$work/rates-apache-flags-fetch.txt" \
        "kafkit consumer-perf-test fetch.nMsg.sec" "$work/rates-kafkit-fetch.txt" ;;
    share-perf)
      start_broker
      consume_topic
      for f in apache kafkit; do : >"$work/rates-share-$f.txt"; done
      share_runs=0
      # each run reads as a share group of its own, from the earliest record
      fresh_share() {
        share_runs=$((share_runs + 1)); share_group=bench-share-perf-$$-$share_runs
        "$kafkit" configs --bootstrap-server "$bs" --alter --entity-type groups --entity-name "$share_group" \
          --add-config share.auto.offset.reset=earliest >/dev/null
      }
      args=(--bootstrap-server "$bs" --topic bench-consume --num-records 200000 --hide-header)
      share_rates() { tail -1 | awk -F', ' -v a="$work/rates-share-$1.txt" '{print $5 >> a}'; }
      fresh_share; "$kafkit" share-consumer-perf-test "${args[@]}" --group "$share_group" >/dev/null  # warm-up
      for _ in $(seq "$perf_runs"); do
        fresh_share; apache512 org.apache.kafka.tools.ShareConsumerPerformance "${args[@]}" --group "$share_group" | share_rates apache
        fresh_share; "$kafkit" share-consumer-perf-test "${args[@]}" --group "$share_group" | share_rates kafkit
      done
      rate_report share-perf records/s "kafka-share-consumer-perf-test.sh nMsg.sec" "$work/rates-share-apache.txt" \
        "kafkit share-consumer-perf-test nMsg.sec" "$work/rates-share-kafkit.txt" ;;
    dump-log)
      start_broker
      if ! "$kafkit" topics --bootstrap-server "$bs" --describe --topic bench-dump >/dev/null 2>&1; then
        "$kafkit" topics --bootstrap-server "$bs" --create --topic bench-dump --partitions 1 >/dev/null
        "$kafkit" producer-perf-test --bootstrap-server "$bs" --topic bench-dump --num-records 1000000 \
          --record-size 100 --throughput -1 >/dev/null
      fi
      segment=$(find "$broker_dir" -path '*/bench-dump-0/00000000000000000000.log')
      echo "segment: $segment ($(du -m "$segment" | cut -f1) MB)" >&2
      k=$(median_ms kafkit "$kafkit" dump-log --files "$segment" --print-data-log)
      a=$(median_ms apache apache org.apache.kafka.tools.DumpLogSegments --files "$segment" --print-data-log)
      report dump-log "kafkit dump-log --print-data-log" "$k" "kafka-dump-log.sh --print-data-log" "$a"
      peak() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
      echo "  peak resident memory: kafkit $(( $(peak "$kafkit" dump-log --files "$segment" --print-data-log) / 1024 )) MB," \
        "Apache $(( $(peak "${apache_java[@]}" org.apache.kafka.tools.DumpLogSegments --files "$segment" --print-data-log) / 1024 )) MB" \
        | tee -a "$work/results-dump-log.txt" ;;
    produce-memory)
      start_broker
      lines=$work/lines-1m.txt
      [ -s "$lines" ] || awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "%07d %s\n", i, "abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghij abcdefghi" }' >"$lines"
      {
        echo "benchmark: produce-memory  ($(nproc) cores, $(date -u +%Y-%m-%dT%H:%MZ))"
        for copies in 1 10; do
          fresh_topic
          rss=$(for _ in $(seq "$copies"); do cat "$lines"; done \
            | /usr/bin/time -f %M "$kafkit" console-producer --bootstrap-server "$bs" --topic bench-produce 2>&1 >/dev/null | tail -1)
          echo "  kafkit console-producer, $copies million lines piped in: peak resident memory $(( rss / 1024 )) MB"
        done
      } | tee "$work/results-produce-memory.txt" ;;
    *) echo "unknown benchmark: $name (try: help version topics-list produce produce-memory consume groups-describe groups-describe-all producer-perf consumer-perf dump-log all)" >&2; exit 2 ;;
  esac
done
