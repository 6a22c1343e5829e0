package dev.anyfn.core.index;

/** The function index is missing, unreadable or of another format version: a build problem. */
public final class IndexFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  IndexFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
