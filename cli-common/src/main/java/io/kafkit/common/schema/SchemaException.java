package io.kafkit.common.schema;

/**
 * A schema that cannot be read, a value that does not fit its schema, or a registry that refused or
 * could not be reached. The message is one line for the user: it names what was wrong.
 */
public class SchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SchemaException(String message) {
    super(message);
  }

  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
