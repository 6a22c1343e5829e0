package dev.anyfn;

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

  /**
   * An error answer.
   *
   * @param status an error status, 400 to 599 (for example 404, 410, 412 or 503)
   * @param detail a message safe to show to the caller
   * @throws IllegalArgumentException for any other status
   */
  public HttpException(int status, String detail) {
    super(detail);
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
