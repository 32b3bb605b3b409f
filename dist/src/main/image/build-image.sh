#!/usr/bin/env bash
# Builds kafkit's self-contained image: the distribution plus a Java runtime trimmed by jlink,
# with an ahead-of-time cache (JEP 483/514) made by a training run, so that a machine without Java
# runs kafkit and every command starts in about half the time.
#
#   build-image.sh DIST_DIR IMAGE_DIR ARCHIVE
#
# Needs a JDK 25 or newer: $KAFKIT_IMAGE_JDK, else the first one under /usr/lib/jvm. Without one
# it says so and builds nothing (the plain distribution does not need it).
set -euo pipefail
dist=$1
image=$2
archive=$3

jdk=${KAFKIT_IMAGE_JDK:-}
if [ -z "$jdk" ]; then
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/jlink" ] || continue
    version=$("$candidate/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java.specification.version = //p')
    if [ "${version%%.*}" -ge 25 ] 2>/dev/null; then
      jdk=$candidate
      break
    fi
  done
fi
if [ -z "$jdk" ]; then
  echo "build-image: no JDK 25+ found (set KAFKIT_IMAGE_JDK); skipping the self-contained image"
  exit 0
fi

rm -rf "$image"
mkdir -p "$(dirname "$image")"
cp -a "$dist" "$image"
# The tools need java.base and a few more; the local broker (lib/broker) needs most of Java SE.
"$jdk/bin/jlink" \
  --add-modules java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.crypto.cryptoki \
  --strip-debug --no-header-files --no-man-pages \
  --output "$image/runtime"
# The cache holds the class path it was made with, in order: the launcher rebuilds the same one
# from lib/kafkit.classpath (a lib/* wildcard's order is the file system's). The training run
# writes lib/kafkit.aot; the launcher uses it with this runtime only.
(cd "$image/lib" && ls -1 ./*.jar | sed 's#^\./##' | sort | paste -sd: -) >"$image/lib/kafkit.classpath"
classpath=$(sed "s#[^:][^:]*#$image/lib/&#g" "$image/lib/kafkit.classpath")
# It trains against a broker started from the image, if one starts; else against nothing.
work=$(mktemp -d "${TMPDIR:-/tmp}/kafkit-image-train.XXXXXX")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo 39092)
bootstrap=
if "$image/bin/kafkit" broker start --data-dir "$work/broker" --port "$port" \
    --controller-port $((port + 1)) >/dev/null 2>&1; then
  bootstrap=localhost:$port
fi
# The cache holds the classes, loaded and linked, without the training's method profiles (JEP 515):
# a JVM that has them compiles the methods the training compiled as their classes initialize, which
# cost every short command more than it saved (topics --list 224 -> 201 ms, a one-line
# console-producer 251 -> 226 ms; a million records read the same). A JDK without the flag ignores it.
"$image/runtime/bin/java" -XX:AOTCacheOutput="$image/lib/kafkit.aot" -Xlog:disable \
  -XX:+UnlockDiagnosticVMOptions -XX:+IgnoreUnrecognizedVMOptions -XX:-AOTRecordTraining \
  --enable-native-access=ALL-UNNAMED \
  -XX:+UseParallelGC -cp "$classpath" io.kafkit.app.Train $bootstrap </dev/null >/dev/null 2>&1 || true
if [ -n "$bootstrap" ]; then
  "$image/bin/kafkit" broker stop --data-dir "$work/broker" >/dev/null 2>&1 || true
fi
rm -rf "$work"
test -s "$image/lib/kafkit.aot"
echo "build-image: trained against ${bootstrap:-nothing (no broker started)}"
tar -C "$(dirname "$image")" -czf "$archive" "$(basename "$image")"
echo "build-image: $image ($(du -sh "$image" | cut -f1)), $archive"
