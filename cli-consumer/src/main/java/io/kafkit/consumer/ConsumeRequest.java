package io.kafkit.consumer;

/** What the command line asks the consumer for, validated. */
record ConsumeRequest(
    String topic,
    String include,
    Integer partition,
    StartPosition start,
    boolean fromBeginning,
    String group,
    long maxMessages,
    long timeoutMs,
    boolean exitAtEnd,
    String isolationLevel,
    RecordFormatter formatter,
    boolean skipOnError,
    boolean systestEvents,
    int verbosity,
    io.kafkit.common.filter.RecordFilter filter,
    boolean count,
    java.util.Map<Integer, Long> lastOffsets,
    Long toTime) {}
