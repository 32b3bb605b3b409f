#!/bin/sh
# Drop-in for Apache Kafka's kafka-consumer-groups.sh: the same options and output, run by kafkit consumer-groups.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
exec "$(dirname "$self")/kafkit" consumer-groups "$@"
