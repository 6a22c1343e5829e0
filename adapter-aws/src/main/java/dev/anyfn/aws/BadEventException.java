package dev.anyfn.aws;

/**
 * The event Lambda delivered does not have the shape this function can take: an unknown source, a
 * missing field, or a source the function has no trigger for. Thrown out of the handler so that
 * Lambda records an invocation error and the event is retried or dead-lettered, never acknowledged.
 * Without a stack trace, which the runtime would return to a direct caller.
 */
final class BadEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  BadEventException(String message) {
    super(message, null, false, false);
  }

  BadEventException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
