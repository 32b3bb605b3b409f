#!/usr/bin/env bash
# Side-by-side benchmarks: kafkit against Apache Kafka's own tools (and kcat where it has the
# feature), in one run on one machine, reporting medians and ratios.
#
#   bench/run.sh [--runs N] NAME...     NAME: topics-list, help, version (or all)
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
[ "${names[0]}" = all ] && names=(help version topics-list)
mkdir -p "$work"

kafkit_home=$(ls -d "$root"/dist/target/kafkit-*/ 2>/dev/null | head -1 || true)
if [ -z "$kafkit_home" ]; then
  (cd "$root" && mvn -B -q -DskipTests package)
  kafkit_home=$(ls -d "$root"/dist/target/kafkit-*/ | head -1)
fi
kafkit=${kafkit_home}bin/kafkit

if [ ! -d "$work/apache-lib" ]; then
  mvn -B -q -f "$here/apache/pom.xml" dependency:copy-dependencies
fi
if ! command -v kcat >/dev/null 2>&1; then
  (apt-get install -y -qq kcat >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq kcat; }) \
    >/dev/null 2>&1 || echo "(kcat could not be installed; its rows are left out)"
fi

# What bin/kafka-run-class.sh gives each Apache tool.
apache() {
  java -Xmx256M -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$here/apache/tools-log4j2.properties" \
    -cp "$work/apache-lib/*" "$@"
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
    trap '"$kafkit" broker stop --data-dir "$broker_dir" >/dev/null 2>&1 || true' EXIT
  fi
}

# median_ms LABEL COMMAND...: runs the command $runs times (after one warm-up that must succeed),
# prints the median. A LABEL ending in '?' accepts any exit code (Apache's --help exits 1).
median_ms() {
  local label=$1; shift
  if [[ $label != *'?' ]]; then
    "$@" >/dev/null 2>&1 || { echo "FAILED: $label: $*" >&2; "$@" >&2 || true; exit 1; }
  fi
  local times=()
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; print m}'
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
    *) echo "unknown benchmark: $name (try: help version topics-list all)" >&2; exit 2 ;;
  esac
done
