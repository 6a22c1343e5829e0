package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Steps the HTTP translators share, each turning a bad value into a 400 with a code. */
final class RequestParts {
  private RequestParts() {}

  static HttpRequest.Builder start(String method, String rawPath) {
    try {
      return HttpRequest.builder().method(method).rawPath(rawPath);
    } catch (IllegalArgumentException e) {
      throw new InvalidHttpRequestException("invalid_path", e.getMessage(), e);
    }
  }

  static void rawQuery(HttpRequest.Builder b, String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return;
    }
    try {
      b.rawQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      throw new InvalidHttpRequestException("invalid_query", e.getMessage(), e);
    }
  }

  /** Adds every value of a {@code {name: value}} or {@code {name: [values]}} object. */
  static void addHeaders(Headers.Builder headers, JsonNode map) {
    if (map == null || !map.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : map.properties()) {
      try {
        if (e.getValue().isArray()) {
          for (JsonNode v : e.getValue()) {
            headers.add(e.getKey(), v.asText());
          }
        } else if (!e.getValue().isNull()) {
          headers.add(e.getKey(), e.getValue().asText());
        }
      } catch (IllegalArgumentException ex) {
        throw new InvalidHttpRequestException("invalid_header", ex.getMessage(), ex);
      }
    }
  }

  /**
   * Percent-encodes a decoded path (REST API payload 1.0 delivers {@code path} decoded) so that the
   * core can decode it once: every byte outside RFC 3986 {@code pchar} and {@code /} is encoded.
   */
  static String encodePath(String decoded) {
    StringBuilder b = new StringBuilder(decoded.length() + 8);
    for (byte x : decoded.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (isPathChar(c)) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  private static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
  }
}
