package io.kafkit.producer;

/** A line of input that is not a record, with Apache's wording where Apache has one. */
final class LineException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final long lineNumber;

  LineException(String message, long lineNumber) {
    super(message, null, false, false);
    this.lineNumber = lineNumber;
  }

  long lineNumber() {
    return lineNumber;
  }
}
