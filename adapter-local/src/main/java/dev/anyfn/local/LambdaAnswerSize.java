package dev.anyfn.local;

import dev.anyfn.HttpResponse;
import dev.anyfn.core.TextMediaTypes;

/**
 * The size of an HTTP response as AWS Lambda carries it back to API Gateway: the JSON of the proxy
 * answer, {@code {"statusCode":200,"headers":{...},"body":"...","isBase64Encoded":false}}, which is
 * what Lambda's 6 MB limit on a synchronous response counts. A text body counts JSON-escaped (a
 * quote or a backslash takes two bytes, a control character up to six), a body that is not text its
 * base64 encoding, and every header its name, value, quotes, colon and comma. Counted as the AWS
 * adapter writes the answer; within a few bytes, not to the byte, of what a deployed function
 * sends.
 */
final class LambdaAnswerSize {
  /** The answer without headers or body. */
  private static final int ENVELOPE =
      "{\"statusCode\":200,\"headers\":{},\"body\":\"\",\"isBase64Encoded\":false}".length();

  private LambdaAnswerSize() {}

  static long of(HttpResponse response) {
    long[] size = {ENVELOPE};
    response
        .headers()
        .forEach((name, value) -> size[0] += escaped(name) + escaped(value) + 6); // "n":"v",
    return size[0] + body(response.body(), response.headers().first("Content-Type").orElse(""));
  }

  /**
   * The length of a body in a Lambda event or answer's JSON: escaped when its media type is text,
   * as base64 when it is not.
   */
  static long body(byte[] body, String contentType) {
    return TextMediaTypes.isText(contentType) ? escaped(body) : (body.length + 2L) / 3 * 4;
  }

  /**
   * At least {@link #of}, computed without encoding or scanning: a byte escapes to at most six, a
   * header character to at most three UTF-8 bytes of six each. For skipping the count of a small
   * answer.
   */
  static long atMost(HttpResponse response) {
    long[] size = {ENVELOPE + 6L * response.body().length};
    response
        .headers()
        .forEach((name, value) -> size[0] += 18L * (name.length() + value.length()) + 6);
    return size[0];
  }

  /** The length of UTF-8 bytes as a JSON string's content. */
  static long escaped(byte[] utf8) {
    long n = utf8.length;
    for (byte b : utf8) {
      if (b == '"' || b == '\\') {
        n += 1;
      } else if (b >= 0 && b < 0x20) {
        n += (b == '\n' || b == '\r' || b == '\t' || b == '\b' || b == '\f') ? 1 : 5;
      }
    }
    return n;
  }

  /** The length of a string's UTF-8 bytes as a JSON string's content. */
  static long escaped(String s) {
    return escaped(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
