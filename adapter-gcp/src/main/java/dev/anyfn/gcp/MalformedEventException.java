package dev.anyfn.gcp;

/**
 * A CloudEvent whose payload cannot be read as its type promises (bad base64, bad protobuf, missing
 * fields). The entry point logs it and answers 500 without calling the handler: a queue's message
 * then reaches the dead-letter topic after its delivery attempts instead of being lost.
 */
final class MalformedEventException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  MalformedEventException(String message) {
    super(message);
  }

  MalformedEventException(String message, Throwable cause) {
    super(message, cause);
  }
}
