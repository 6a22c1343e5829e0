package dev.anyfn.core;

import dev.anyfn.HttpException;
import dev.anyfn.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * RFC 9457 {@code application/problem+json} responses, the one error body of every adapter: {@code
 * {"type":"about:blank","title":"Not Found","status":404,"detail":"...","error":"not_found",
 * "requestId":"..."}}. Server errors carry no detail.
 */
public final class Problems {
  /** The media type. */
  public static final String MEDIA_TYPE = "application/problem+json";

  private static final Map<Integer, String> TITLES =
      Map.ofEntries(
          Map.entry(400, "Bad Request"),
          Map.entry(401, "Unauthorized"),
          Map.entry(403, "Forbidden"),
          Map.entry(404, "Not Found"),
          Map.entry(405, "Method Not Allowed"),
          Map.entry(408, "Request Timeout"),
          Map.entry(409, "Conflict"),
          Map.entry(413, "Content Too Large"),
          Map.entry(414, "URI Too Long"),
          Map.entry(415, "Unsupported Media Type"),
          Map.entry(422, "Unprocessable Content"),
          Map.entry(429, "Too Many Requests"),
          Map.entry(431, "Request Header Fields Too Large"),
          Map.entry(500, "Internal Server Error"),
          Map.entry(502, "Bad Gateway"),
          Map.entry(503, "Service Unavailable"),
          Map.entry(504, "Gateway Timeout"));

  private Problems() {}

  /** The reason phrase of a status. */
  public static String title(int status) {
    return TITLES.getOrDefault(status, status >= 500 ? "Server Error" : "Error");
  }

  /**
   * A problem response builder (add headers such as {@code Allow} or {@code Retry-After} to it).
   *
   * @param status the status
   * @param code a machine-readable code such as {@code invalid_json}
   * @param detail a caller-safe sentence, or {@code null}
   * @param requestId the request id
   */
  public static HttpResponse.Builder builder(
      int status, String code, String detail, String requestId) {
    StringBuilder b = new StringBuilder(160);
    b.append("{\"type\":\"about:blank\",\"title\":");
    JsonLineLog.quote(b, title(status));
    b.append(",\"status\":").append(status);
    if (detail != null) {
      b.append(",\"detail\":");
      JsonLineLog.quote(b, detail);
    }
    b.append(",\"error\":");
    JsonLineLog.quote(b, code);
    b.append(",\"requestId\":");
    JsonLineLog.quote(b, requestId);
    b.append('}');
    return HttpResponse.status(status)
        .body(b.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE);
  }

  /** A problem response. */
  public static HttpResponse response(int status, String code, String detail, String requestId) {
    return builder(status, code, detail, requestId).build();
  }

  /**
   * The answer to an {@link HttpException}: its status, the code for that status, its message as
   * the detail and its own headers (but {@code Content-Type}, which stays the problem's).
   */
  public static HttpResponse of(HttpException e, String requestId) {
    HttpResponse.Builder problem =
        builder(e.status(), codeFor(e.status()), e.getMessage(), requestId);
    e.headers()
        .forEach(
            (name, value) -> {
              if (!"Content-Type".equalsIgnoreCase(name)) {
                problem.header(name, value);
              }
            });
    return problem.build();
  }

  /** The generic 500: no detail, only the request id. */
  public static HttpResponse internalError(String requestId) {
    return response(500, "internal_error", null, requestId);
  }

  /** The code used for a client-error status raised by a handler. */
  static String codeFor(int status) {
    return switch (status) {
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "not_found";
      case 405 -> "method_not_allowed";
      case 409 -> "conflict";
      case 413 -> "body_too_large";
      case 415 -> "unsupported_media_type";
      case 422 -> "unprocessable";
      case 429 -> "too_many_requests";
      case 410 -> "gone";
      case 412 -> "precondition_failed";
      case 503 -> "unavailable";
      default -> status < 500 ? "client_error" : "error";
    };
  }
}
