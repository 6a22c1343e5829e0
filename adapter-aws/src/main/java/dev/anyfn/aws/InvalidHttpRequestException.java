package dev.anyfn.aws;

/** The caller sent an HTTP request the adapter cannot translate; answered 400 with the code. */
final class InvalidHttpRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String code;

  InvalidHttpRequestException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  String code() {
    return code;
  }
}
