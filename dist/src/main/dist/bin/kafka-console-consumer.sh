#!/bin/sh
# Drop-in for Apache Kafka's kafka-console-consumer.sh: the same options and output, run by kafkit console-consumer.
self=$0
while [ -h "$self" ]; do
  link=$(readlink "$self")
  case $link in
    /*) self=$link ;;
    *) self=$(dirname "$self")/$link ;;
  esac
done
exec "$(dirname "$self")/kafkit" console-consumer "$@"
