#!/usr/bin/env bash
# The soak: a console producer and a consumer group of two console consumers run against a local
# kafkit broker for 10 minutes, and the broker is stopped and started again in the middle. Every
# record is numbered and carries a checksum of its number; at the end the consumed records are
# counted and checked, and the soak prints what was lost (it must be zero), duplicated or damaged.
#
#   bench/soak.sh [--minutes M] [--rate LINES_PER_SECOND] [--down SECONDS]
#
# Defaults: 10 minutes, 2,000 lines a second (1,200,000 records), the broker down for 5 seconds.
# Exit code 0 when nothing was lost or damaged and the producer acknowledged every line.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
work=$here/work/soak
minutes=10
rate=2000
down=5
while [ $# -gt 0 ]; do
  case $1 in
    --minutes) minutes=$2; shift 2 ;;
    --rate) rate=$2; shift 2 ;;
    --down) down=$2; shift 2 ;;
    *) echo "usage: bench/soak.sh [--minutes M] [--rate LINES_PER_SECOND] [--down SECONDS]" >&2; exit 2 ;;
  esac
done
seconds=$((minutes * 60))

kafkit_home=${KAFKIT_BENCH_HOME:+${KAFKIT_BENCH_HOME%/}/}
[ -n "$kafkit_home" ] || kafkit_home=$(ls -d "$root"/dist/target/image/kafkit-*/ "$root"/dist/target/kafkit-*/ 2>/dev/null | head -1 || true)
if [ -z "$kafkit_home" ]; then
  (cd "$root" && mvn -B -q -DskipTests package)
  kafkit_home=$(ls -d "$root"/dist/target/image/kafkit-*/ "$root"/dist/target/kafkit-*/ | head -1)
fi
kafkit=${kafkit_home}bin/kafkit

rm -rf "$work"
mkdir -p "$work"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=$(free_port)
cport=$(free_port)
bs=localhost:$port
broker=$work/broker
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  "$kafkit" broker stop --data-dir "$broker" >/dev/null 2>&1 || true
}
trap cleanup EXIT
log() { echo "soak $(date +%H:%M:%S): $*" >&2; }

"$kafkit" broker start --data-dir "$broker" --port "$port" --controller-port "$cport" >/dev/null
"$kafkit" topics --bootstrap-server "$bs" --create --topic soak --partitions 3 >/dev/null
log "broker at $bs; producing $rate lines/s for $minutes min"

# The consumer group: two members sharing the three partitions, each printing partition and value.
for member in 1 2; do
  "$kafkit" console-consumer --bootstrap-server "$bs" --topic soak --group soak-group \
    --from-beginning --property print.partition=true >"$work/consumed-$member.txt" 2>"$work/consumer-$member.err" &
  pids+=($!)
done

# The producer: numbered lines, each with the CRC-32 of its number, paced to the rate.
python3 - "$rate" "$seconds" "$work/produced.count" <<'EOF' | "$kafkit" console-producer --bootstrap-server "$bs" --topic soak 2>"$work/producer.err" &
import sys, time, zlib
rate, seconds, count_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
tick = 0.1
per_tick = max(1, rate // 10)
n = 0
start = time.monotonic()
while time.monotonic() - start < seconds:
    lines = []
    for _ in range(per_tick):
        key = b"soak-%d" % n
        lines.append(b"%s %08x %s\n" % (key, zlib.crc32(key), b"x" * 64))
        n += 1
    sys.stdout.buffer.write(b"".join(lines))
    sys.stdout.flush()
    ahead = start + (n / per_tick) * tick - time.monotonic()
    if ahead > 0:
        time.sleep(ahead)
open(count_file, "w").write(str(n))
EOF
producer=$!
pids+=("$producer")

sleep $((seconds / 2))
log "stopping the broker for $down s"
"$kafkit" broker stop --data-dir "$broker" >/dev/null
sleep "$down"
"$kafkit" broker start --data-dir "$broker" >/dev/null
log "broker back"

set +e
wait "$producer"
producer_exit=$?
set -e
produced=$(cat "$work/produced.count")
log "producer done: $produced lines, exit code $producer_exit"

# Wait for the group to catch up (no growth for 30 s at most), then stop it cleanly: SIGTERM runs
# the same shutdown as Ctrl-C (a script's background jobs ignore SIGINT).
consumed() { cat "$work"/consumed-*.txt | wc -l; }
last=-1
quiet=0
while [ "$quiet" -lt 30 ]; do
  now=$(consumed)
  [ "$now" -ge "$produced" ] && break
  if [ "$now" = "$last" ]; then quiet=$((quiet + 1)); else quiet=0; fi
  last=$now
  sleep 1
done
for pid in "${pids[@]:0:2}"; do kill -TERM "$pid" 2>/dev/null || true; done
for pid in "${pids[@]:0:2}"; do wait "$pid" 2>/dev/null || true; done

python3 - "$produced" "$producer_exit" "$work"/consumed-*.txt <<'EOF'
import sys, zlib
produced, producer_exit, files = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
seen = bytearray(produced)
total = duplicated = damaged = unknown = 0
for name in files:
    with open(name, "rb") as f:
        for line in f:
            total += 1
            try:
                partition, value = line.rstrip(b"\n").split(b"\t", 1)
                key, crc, _ = value.split(b" ", 2)
                n = int(key[len(b"soak-"):])
            except ValueError:
                damaged += 1
                continue
            if int(crc, 16) != zlib.crc32(key):
                damaged += 1
            elif n >= produced:
                unknown += 1
            elif seen[n]:
                duplicated += 1
            else:
                seen[n] = 1
lost = produced - sum(seen)
print(f"produced {produced} (producer exit code {producer_exit}), consumed {total}: "
      f"lost {lost}, duplicated {duplicated}, damaged {damaged}, unexpected {unknown}")
sys.exit(0 if lost == 0 and damaged == 0 and unknown == 0 and producer_exit == 0 else 1)
EOF
