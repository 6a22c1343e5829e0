package dev.anyfn.core;

/**
 * JSON from the caller could not be read or bound. The message is safe to show to the caller: it
 * names the JSON path and the expected type but never echoes the payload.
 */
public final class JsonBodyException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  JsonBodyException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /**
   * A machine-readable code: {@code invalid_json}, {@code invalid_encoding} (bytes that are not
   * UTF-8), {@code invalid_body}, {@code duplicate_key}, {@code body_too_deep}, {@code
   * limit_exceeded} or {@code body_required}.
   */
  public String code() {
    return code;
  }
}
