package dev.anyfn.local;

import dev.anyfn.core.Problems;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the errors Jetty raises itself (malformed requests, header blocks over its limit) as the
 * same RFC 9457 problem+json as every other error, never as an HTML page with server details.
 */
final class ProblemErrorHandler extends ErrorHandler {
  /**
   * What a request whose path Jetty cannot decode is told (Jetty itself says "Bad Request"): a bad
   * {@code %} escape, or an encoded NUL, which Jetty's parser refuses alike.
   */
  static final String BAD_PERCENT_ENCODING =
      "The request path cannot be decoded: each '%' must be followed by two hexadecimal digits"
          + " (a '%' itself is written %25), and no path may encode a NUL (%00).";

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.MEDIA_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message, cause)), callback);
  }

  private static byte[] body(int status, String reason, Throwable cause) {
    if (status == 400 && badPathEncoding(cause)) {
      // Jetty decodes the path before any handler runs, so the routes' and the control API's
      // own invalid_path answers never see it: say here what they would.
      return Problems.response(400, "invalid_path", BAD_PERCENT_ENCODING, "-").body();
    }
    String code =
        switch (status) {
          case 400 -> "bad_request";
          case 408 -> "request_timeout";
          case 413 -> "body_too_large";
          case 414 -> "uri_too_long";
          case 431 -> "headers_too_large";
          default -> status >= 500 ? "internal_error" : "error";
        };
    return Problems.response(status, code, status >= 500 ? null : reason, "-").body();
  }

  /**
   * Whether Jetty refused the request because its URI parser could not decode a {@code %} escape of
   * the path ({@code %ZZ}, a truncated {@code %2}): an {@link IllegalArgumentException} (or its
   * {@link NumberFormatException}) thrown from {@code HttpURI}'s parsing.
   */
  static boolean badPathEncoding(Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IllegalArgumentException) {
        for (StackTraceElement frame : t.getStackTrace()) {
          if (frame.getClassName().startsWith("org.eclipse.jetty.http.HttpURI")) {
            return true;
          }
        }
      }
    }
    return false;
  }
}
