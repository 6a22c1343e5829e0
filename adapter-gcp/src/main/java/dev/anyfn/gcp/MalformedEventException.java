package dev.anyfn.gcp;

/**
 * A CloudEvent whose payload cannot be read as its type promises (bad base64, bad protobuf, missing
 * fields). Retrying cannot help, so the event is logged and acknowledged, as the core treats
 * unbindable events everywhere.
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
