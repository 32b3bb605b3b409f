#!/usr/bin/env bash
# Interleaved A/B runs of one kafkit tool under variants of its JVM flags or options, against a
# running cluster: one run of each variant per round, medians at the end. For measuring a design
# choice with and without it (docs/benchmarks.md, "What the design choices gained").
#
#   bench/variants.sh [--rounds N] [--kcat] BOOTSTRAP consume|produce TOPIC 'LABEL|JVM FLAGS|ARGS'...
#
# consume reads 1,000,000 records of TOPIC from the beginning to /dev/null; produce pipes
# bench/work/lines-1m.txt (made by bench/run.sh) into TOPIC. Each variant sets KAFKIT_JAVA_OPTS
# to its JVM flags and adds its ARGS to the command line. --kcat adds kcat's run to each round.
# Example:
#   bench/variants.sh localhost:9092 consume bench-consume-3 'now||' 'c2|-XX:TieredStopAtLevel=4|'
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
rounds=7
with_kcat=no
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --kcat) with_kcat=yes; shift ;;
    *) break ;;
  esac
done
[ $# -ge 4 ] || { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bs=$1 what=$2 topic=$3
shift 3
home=${KAFKIT_BENCH_HOME:-$(ls -d "$root"/dist/target/image/kafkit-*/ "$root"/dist/target/kafkit-*/ 2>/dev/null | head -1)}
kafkit=${home%/}/bin/kafkit
lines=$here/work/lines-1m.txt
variants=("$@")
[ $with_kcat = no ] || variants+=("kcat||")

run() { # LABEL FLAGS ARGS
  local args
  read -r -a args <<<"$3"
  case $what:$1 in
    consume:kcat) kcat -C -b "$bs" -t "$topic" -o beginning -e -q -c 1000000 ;;
    produce:kcat) kcat -P -b "$bs" -t "$topic" <"$lines" ;;
    consume:*) KAFKIT_JAVA_OPTS="$2" "$kafkit" console-consumer --bootstrap-server "$bs" --topic "$topic" \
      --from-beginning --max-messages 1000000 "${args[@]}" ;;
    produce:*) KAFKIT_JAVA_OPTS="$2" "$kafkit" console-producer --bootstrap-server "$bs" --topic "$topic" \
      "${args[@]}" <"$lines" ;;
    *) echo "consume or produce, not $what" >&2; exit 2 ;;
  esac
}

declare -A times=()
for _ in $(seq "$rounds"); do
  for v in "${variants[@]}"; do
    IFS='|' read -r label flags args <<<"$v"
    t0=$(date +%s%N)
    run "$label" "$flags" "$args" >/dev/null 2>&1 || { echo "FAILED: $label" >&2; exit 1; }
    t1=$(date +%s%N)
    times[$label]+=" $(( (t1 - t0) / 1000000 ))"
  done
done
for v in "${variants[@]}"; do
  label=${v%%|*}
  printf '%-12s median %6s ms   (runs:%s)\n' "$label" \
    "$(printf '%s\n' ${times[$label]} | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "${times[$label]}"
done
