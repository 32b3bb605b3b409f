#!/bin/sh
# Drop-in for Apache Kafka's kafka-dump-log.sh: the same options and output, run by kafkit dump-log.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
exec "$(dirname "$self")/kafkit" dump-log "$@"
