package dev.anyfn.local;

import dev.anyfn.HttpRequest;
import java.util.Optional;

/**
 * The size of an HTTP request as AWS Lambda receives it from an HTTP API: the JSON of the version
 * 2.0 event, which is what Lambda's 6 MB limit on a synchronous request counts. The body counts
 * JSON-escaped when it is text and as its base64 encoding when it is not (a file upload, say: a
 * third larger), as the HTTP API sends it; the path, the query and the user agent count twice, as
 * the event carries them twice, and every header its name, value, quotes, colon and comma. Within a
 * few hundred bytes, not to the byte, of the event a deployed function receives: the request
 * context's fields depend on the account, the API and the caller.
 */
final class LambdaEventSize {
  /** Lambda's limit on a synchronous request (an HTTP API's event), in bytes: 6 MiB. */
  static final long LIMIT = 6L * 1024 * 1024;

  /** The event without path, query, headers or body, with a typical request context. */
  private static final int ENVELOPE =
      ("{\"version\":\"2.0\",\"routeKey\":\"$default\",\"rawPath\":\"\",\"rawQueryString\":\"\","
              + "\"headers\":{},\"queryStringParameters\":{},\"requestContext\":{\"accountId\":"
              + "\"123456789012\",\"apiId\":\"abcdefghij\",\"domainName\":\"abcdefghij.execute-api"
              + ".us-east-1.amazonaws.com\",\"domainPrefix\":\"abcdefghij\",\"http\":{\"method\":"
              + "\"POST\",\"path\":\"\",\"protocol\":\"HTTP/1.1\",\"sourceIp\":\"203.0.113.10\","
              + "\"userAgent\":\"\"},\"requestId\":\"JKJaXmPLvHcESHA=\",\"routeKey\":\"$default\","
              + "\"stage\":\"$default\",\"time\":\"10/Mar/2020:00:03:59 +0000\",\"timeEpoch\":"
              + "1583798639428},\"body\":\"\",\"isBase64Encoded\":false}")
          .length();

  private LambdaEventSize() {}

  static long of(HttpRequest request, String rawPath, String rawQuery) {
    long[] size = {ENVELOPE};
    size[0] += 2 * LambdaAnswerSize.escaped(rawPath == null ? "/" : rawPath);
    size[0] += 2 * LambdaAnswerSize.escaped(rawQuery == null ? "" : rawQuery);
    size[0] += LambdaAnswerSize.escaped(request.header("User-Agent").orElse(""));
    request
        .headers()
        .forEach(
            (name, value) ->
                size[0] += LambdaAnswerSize.escaped(name) + LambdaAnswerSize.escaped(value) + 6);
    return size[0]
        + LambdaAnswerSize.body(request.body(), request.header("Content-Type").orElse(""));
  }

  /** Why this request is too large for Lambda, or empty when it is not. */
  static Optional<String> exceeded(HttpRequest request, String rawPath, String rawQuery) {
    if (request.bodyLength() < LIMIT / 2) {
      return Optional.empty(); // base64 and headers cannot bring it to the limit: no need to count
    }
    long size = of(request, rawPath, rawQuery);
    if (size <= LIMIT) {
      return Optional.empty();
    }
    return Optional.of(
        "The request is "
            + size
            + " bytes as Lambda receives it (the HTTP API's event: headers, path, query, and the"
            + " body escaped, or base64-encoded when it is not text); the synchronous AWS Lambda"
            + " request limit under profile aws is "
            + LIMIT
            + " bytes. Send less, or upload the file to a bucket (a pre-signed URL) and send its"
            + " name.");
  }
}
