package dev.anyfn;

import java.time.Duration;

/**
 * Thrown by a handler to answer with an error status (400 to 599). The runtime answers the status
 * with an RFC 9457 {@code application/problem+json} body carrying {@link #getMessage()} as {@code
 * detail}, so the message must be safe to show to callers.
 *
 * <p>Any other exception thrown by an HTTP handler is a 500 whose body carries only the request id.
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** Headers of the answer beside the problem's own; an exception is not serialised with them. */
  private final transient Headers headers;

  /**
   * An error answer.
   *
   * @param status an error status, 400 to 599 (for example 404, 410, 412 or 503)
   * @param detail a message safe to show to the caller
   * @throws IllegalArgumentException for any other status
   */
  public HttpException(int status, String detail) {
    this(status, detail, Headers.empty());
  }

  /**
   * An error answer with headers of its own, such as {@code Retry-After} on a 429 or 503 or {@code
   * WWW-Authenticate} on a 401. Its {@code Content-Type} stays {@code application/problem+json}: a
   * {@code Content-Type} among {@code headers} is not sent.
   *
   * @param status an error status, 400 to 599
   * @param detail a message safe to show to the caller
   * @param headers the answer's other headers
   * @throws IllegalArgumentException for any other status
   */
  public HttpException(int status, String detail, Headers headers) {
    super(detail);
    this.headers = headers == null ? Headers.empty() : headers;
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "HttpException status "
              + status
              + " is not an error status; use 400 to 599, or return an HttpResponse for any"
              + " other status.");
    }
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The answer's headers beside the problem's own; empty unless given. */
  public Headers headers() {
    return headers == null ? Headers.empty() : headers;
  }

  /** 400 Bad Request. */
  public static HttpException badRequest(String detail) {
    return new HttpException(400, detail);
  }

  /** 401 Unauthorized. */
  public static HttpException unauthorized(String detail) {
    return new HttpException(401, detail);
  }

  /** 403 Forbidden. */
  public static HttpException forbidden(String detail) {
    return new HttpException(403, detail);
  }

  /** 404 Not Found. */
  public static HttpException notFound(String detail) {
    return new HttpException(404, detail);
  }

  /** 409 Conflict. */
  public static HttpException conflict(String detail) {
    return new HttpException(409, detail);
  }

  /** 422 Unprocessable Content. */
  public static HttpException unprocessable(String detail) {
    return new HttpException(422, detail);
  }

  /** 429 Too Many Requests. */
  public static HttpException tooManyRequests(String detail) {
    return new HttpException(429, detail);
  }

  /** 429 Too Many Requests, telling the caller to wait (a {@code Retry-After} in whole seconds). */
  public static HttpException tooManyRequests(String detail, Duration retryAfter) {
    return new HttpException(429, detail, retryAfter(retryAfter));
  }

  /** 503 Service Unavailable, telling the caller when to try again ({@code Retry-After}). */
  public static HttpException unavailable(String detail, Duration retryAfter) {
    return new HttpException(503, detail, retryAfter(retryAfter));
  }

  private static Headers retryAfter(Duration wait) {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    return Headers.builder().add("Retry-After", Long.toString(seconds)).build();
  }
}
