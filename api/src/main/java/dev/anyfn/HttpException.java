package dev.anyfn;

import java.util.Set;

/**
 * Thrown by a handler to answer with a client error. The runtime answers the status with an RFC
 * 9457 {@code application/problem+json} body carrying {@link #getMessage()} as {@code detail}, so
 * the message must be safe to show to callers.
 *
 * <p>Any other exception thrown by an HTTP handler is a 500 whose body carries only the request id.
 */
public class HttpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The statuses a handler may raise. */
  public static final Set<Integer> STATUSES =
      Set.of(400, 401, 403, 404, 405, 409, 413, 415, 422, 429);

  private final int status;

  /**
   * A client error.
   *
   * @param status one of {@link #STATUSES}
   * @param detail a message safe to show to the caller
   * @throws IllegalArgumentException for any other status
   */
  public HttpException(int status, String detail) {
    super(detail);
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException(
          "HttpException status " + status + " is not one of " + STATUSES + ".");
    }
    this.status = status;
  }

  /** The HTTP status. */
  public int status() {
    return status;
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
}
