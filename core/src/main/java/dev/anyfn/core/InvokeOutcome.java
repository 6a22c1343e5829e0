package dev.anyfn.core;

import dev.anyfn.HttpResponse;
import java.util.Optional;

/**
 * The result of a direct invocation: JSON bytes, or a failure. Immutable.
 *
 * @param json the JSON result ({@code null} serialises as {@code null}); empty on failure
 * @param errorCode {@code invalid_payload} (the caller's fault), {@code in_progress} (another
 *     invocation runs the work of its {@code Context.once} key: try again) or {@code
 *     handler_error}; null on success
 * @param errorMessage a caller-safe message; null on success
 */
public record InvokeOutcome(byte[] json, String errorCode, String errorMessage) {
  static InvokeOutcome success(byte[] json) {
    return new InvokeOutcome(json, null, null);
  }

  static InvokeOutcome failure(String code, String message) {
    return new InvokeOutcome(new byte[0], code, message);
  }

  /** Whether the invocation succeeded. */
  public boolean succeeded() {
    return errorCode == null;
  }

  /**
   * The answer to a direct invocation made over HTTP (Google's and Azure's {@code -invoke}
   * endpoints): 200 with the JSON result, a 400 problem naming what did not bind for {@code
   * invalid_payload}, a 409 for {@code in_progress}, a 504 for {@code timed_out}, and otherwise the
   * generic 500 problem carrying only the request id.
   */
  public HttpResponse httpResponse(String requestId) {
    if (succeeded()) {
      return HttpResponse.status(200).body(json, "application/json").build();
    }
    if ("invalid_payload".equals(errorCode)) {
      return Problems.response(400, "invalid_payload", errorMessage, requestId);
    }
    if ("in_progress".equals(errorCode)) {
      return Problems.response(409, "in_progress", errorMessage, requestId);
    }
    if ("timed_out".equals(errorCode)) {
      return Problems.response(504, "timed_out", errorMessage, requestId);
    }
    return Problems.internalError(requestId);
  }

  /** The error code, if it failed. */
  public Optional<String> error() {
    return Optional.ofNullable(errorCode);
  }
}
