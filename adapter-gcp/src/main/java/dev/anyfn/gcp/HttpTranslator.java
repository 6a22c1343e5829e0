package dev.anyfn.gcp;

import dev.anyfn.Headers;
import dev.anyfn.HttpException;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.Log;
import dev.anyfn.core.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Translates between Google's {@link com.google.cloud.functions.HttpRequest} / {@link
 * com.google.cloud.functions.HttpResponse} and the neutral request and response. Stateless.
 */
final class HttpTranslator {
  private HttpTranslator() {}

  /** A translated request, or the problem response to answer instead. */
  record Translated(Optional<HttpRequest> request, Optional<HttpResponse> problem) {
    static Translated of(HttpRequest r) {
      return new Translated(Optional.of(r), Optional.empty());
    }

    static Translated problem(HttpResponse p) {
      return new Translated(Optional.empty(), Optional.of(p));
    }
  }

  private static final byte[] NO_BODY = new byte[0];

  /**
   * Every request header value, in order. Google's {@code getHeaders()} (and {@code
   * getFirstHeader}, which calls it) builds a new map on every call, so the entry point calls this
   * once per request and reads Google's own headers from the result. Each is checked when first
   * read ({@link Headers#receivedBuilder()}), as on the other clouds.
   */
  static Headers headers(com.google.cloud.functions.HttpRequest google) {
    Headers.Builder headers = Headers.receivedBuilder();
    for (Map.Entry<String, List<String>> h : google.getHeaders().entrySet()) {
      for (String value : h.getValue()) {
        headers.add(h.getKey(), value);
      }
    }
    return headers.build();
  }

  /**
   * Reads Google's request into a neutral one with the given {@link #headers(
   * com.google.cloud.functions.HttpRequest) headers}: the raw (still percent-encoded) path taken
   * from the request URI, every query value in order, and the body up to {@code maxBodyBytes} (a
   * larger body is answered 413 without reading it all). A multipart form, which Google's invoker
   * has read already, comes from its parts ({@link GoogleMultipart}); {@code log} hears of a
   * fallback that may lose some.
   */
  static Translated toNeutral(
      com.google.cloud.functions.HttpRequest google,
      Headers headers,
      int maxBodyBytes,
      String requestId,
      Log log)
      throws IOException {
    long declared = google.getContentLength();
    if (declared > maxBodyBytes) {
      return Translated.problem(tooLarge(declared + " bytes", maxBodyBytes, requestId));
    }
    boolean multipart;
    boolean chunked;
    try {
      multipart = isMultipartForm(headers);
      chunked = headers.first("Transfer-Encoding").isPresent();
    } catch (HttpException e) {
      // a malformed Content-Type or Transfer-Encoding, refused on this first read
      return Translated.problem(Problems.of(e, requestId));
    }
    byte[] body;
    if (multipart) {
      // Google's invoker has read the body already; its parts are all that is left of it.
      GoogleMultipart.Body parts;
      try {
        parts = GoogleMultipart.body(google, log);
      } catch (GoogleMultipart.Malformed e) {
        return Translated.problem(
            Problems.response(
                400,
                "invalid_multipart",
                "The multipart body is malformed: its parts could not be read. Send"
                    + " multipart/form-data as RFC 7578 says.",
                requestId));
      }
      body = parts.bytes().length > maxBodyBytes ? null : parts.bytes();
      headers = headers.toBuilder().set("Content-Type", parts.contentType()).build();
    } else if (declared < 0 && !chunked) {
      // RFC 9112 6.3: a request with neither Content-Length nor Transfer-Encoding has no body,
      // so there is nothing to read (most GETs); the stream is not touched.
      body = NO_BODY;
    } else {
      try (InputStream in = google.getInputStream()) {
        body = readAtMost(in, declared, maxBodyBytes);
      }
    }
    if (body == null) {
      return Translated.problem(tooLarge("more bytes", maxBodyBytes, requestId));
    }
    HttpRequest.Builder b = HttpRequest.builder().method(google.getMethod());
    try {
      b.rawPath(rawPath(google));
    } catch (IllegalArgumentException e) {
      return Translated.problem(Problems.response(400, "invalid_path", e.getMessage(), requestId));
    }
    try {
      b.rawQuery(google.getQuery().orElse(null));
    } catch (IllegalArgumentException e) {
      return Translated.problem(Problems.response(400, "invalid_query", e.getMessage(), requestId));
    }
    return Translated.of(b.headers(headers).body(body).build());
  }

  private static boolean isMultipartForm(Headers headers) {
    Optional<String> type = headers.first("Content-Type");
    return type.isPresent()
        && type.get().regionMatches(true, 0, "multipart/form-data", 0, 19)
        && (type.get().length() == 19
            || type.get().charAt(19) == ';'
            || type.get().charAt(19) == ' ');
  }

  /** The raw path; Google's decoded {@code getPath()} only when there is no request URI. */
  private static String rawPath(com.google.cloud.functions.HttpRequest google) {
    String uri = google.getUri();
    return uri == null || uri.isEmpty() ? google.getPath() : rawPath(uri, "/");
  }

  /**
   * The path as sent on the wire. The invoker's {@code getPath()} is decoded, which would hide an
   * encoded slash ({@code %2F}) from the traversal checks, so the path is cut out of the request
   * URI instead.
   */
  static String rawPath(String uri, String fallback) {
    if (uri == null || uri.isEmpty()) {
      return fallback;
    }
    int start = 0;
    int scheme = uri.indexOf("://");
    int query = uri.indexOf('?');
    if (scheme >= 0 && (query < 0 || scheme < query)) {
      start = uri.indexOf('/', scheme + 3);
      if (start < 0) {
        return "/";
      }
    }
    int end = uri.length();
    for (int i = start; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        end = i;
        break;
      }
    }
    String path = uri.substring(start, end);
    return path.isEmpty() ? "/" : path;
  }

  /** Writes the neutral response: status, every header value, and the body bytes. */
  static void write(HttpResponse response, com.google.cloud.functions.HttpResponse google)
      throws IOException {
    google.setStatusCode(response.statusCode());
    Headers headers = response.headers();
    headers.first("Content-Type").ifPresent(google::setContentType); // a response has one
    headers.forEach(
        (name, value) -> {
          if (!name.equalsIgnoreCase("Content-Type")) {
            google.appendHeader(name, value);
          }
        });
    byte[] body = response.body();
    if (body.length > 0) {
      try (OutputStream out = google.getOutputStream()) {
        out.write(body);
      }
    }
  }

  /**
   * The body, or {@code null} when it is longer than {@code limit}. Sized from the declared length
   * when there is one, so the common empty or small body costs no buffer.
   */
  static byte[] readAtMost(InputStream in, long declared, int limit) throws IOException {
    if (declared >= 0) {
      byte[] body = in.readNBytes((int) declared);
      int extra = body.length < declared ? -1 : in.read();
      if (extra < 0) {
        return body;
      }
      // the stream holds more than declared: count the rest against the limit
      ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 8192);
      out.write(body);
      out.write(extra);
      return readRest(in, out, limit);
    }
    int first = in.read();
    if (first < 0) {
      return new byte[0];
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
    out.write(first);
    return readRest(in, out, limit);
  }

  private static byte[] readRest(InputStream in, ByteArrayOutputStream out, int limit)
      throws IOException {
    byte[] chunk = new byte[8192];
    int n;
    while ((n = in.read(chunk)) >= 0) {
      if ((long) out.size() + n > limit) {
        return null;
      }
      out.write(chunk, 0, n);
    }
    return out.size() > limit ? null : out.toByteArray();
  }

  private static HttpResponse tooLarge(String found, int limit, String requestId) {
    return Problems.builder(
            413,
            "body_too_large",
            "The body has " + found + "; the limit is " + limit + " bytes.",
            requestId)
        .header("Connection", "close")
        .build();
  }
}
