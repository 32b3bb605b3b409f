#!/bin/sh
# Drop-in for Apache Kafka's kafka-consumer-perf-test.sh: the same options and output, run by kafkit consumer-perf-test.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
exec "$(dirname "$self")/kafkit" consumer-perf-test "$@"
