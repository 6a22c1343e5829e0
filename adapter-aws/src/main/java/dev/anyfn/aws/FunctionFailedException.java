package dev.anyfn.aws;

/**
 * The function failed on an event that Lambda must retry (SNS, S3, EventBridge, a direct
 * invocation) or ran out of time. Thrown out of the handler so that the runtime posts an invocation
 * error; the message is safe to show the caller and names the request id whose logs hold the cause.
 * It carries no stack trace: the runtime returns the exception to a direct caller as {@code
 * errorType}, {@code errorMessage} and {@code stackTrace}, and anyfn's frames are no business of
 * the caller's (the handler's own failure is logged under the request id).
 */
final class FunctionFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  FunctionFailedException(String message) {
    super(message, null, false, false);
  }
}
