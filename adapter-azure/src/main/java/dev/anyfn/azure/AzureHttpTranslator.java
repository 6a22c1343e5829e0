package dev.anyfn.azure;

import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatusType;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.Problems;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Translates Azure's {@code HttpRequestMessage} into the neutral {@link HttpRequest} and the
 * neutral {@link HttpResponse} back into an {@code HttpResponseMessage}. The path is taken raw from
 * the URI, with the host's route prefix and the function's own route prefix removed, so the anyfn
 * router sees the path the user declared. Stateless.
 */
final class AzureHttpTranslator {
  private final AzureRuntimeOptions options;

  AzureHttpTranslator(AzureRuntimeOptions options) {
    this.options = options;
  }

  /** A translated request, or the problem response that answers a request that cannot be one. */
  record Translated(HttpRequest request, HttpResponse problem) {}

  Translated request(
      HttpRequestMessage<Optional<byte[]>> message, String functionRoutePrefix, String requestId) {
    URI uri = message.getUri();
    String rawQuery = uri.getRawQuery();
    if (rawQuery != null && rawQuery.length() > AzureRuntimeOptions.MAX_QUERY_LENGTH) {
      return problem(
          414,
          "query_too_long",
          "The query string has "
              + rawQuery.length()
              + " characters; Azure Functions accepts at most "
              + AzureRuntimeOptions.MAX_QUERY_LENGTH
              + ".",
          requestId);
    }
    int urlLength = uri.toString().length();
    if (urlLength > AzureRuntimeOptions.MAX_URL_LENGTH) {
      return problem(
          414,
          "url_too_long",
          "The URL has "
              + urlLength
              + " characters; Azure Functions accepts at most "
              + AzureRuntimeOptions.MAX_URL_LENGTH
              + ".",
          requestId);
    }
    String prefix = join(options.routePrefix(), functionRoutePrefix);
    Optional<String> path = strip(uri.getRawPath(), prefix);
    if (path.isEmpty()) {
      return problem(
          404,
          "not_found",
          "No route outside this function's prefix '/" + prefix + "'.",
          requestId);
    }
    HttpRequest.Builder b = HttpRequest.builder().method(message.getHttpMethod().name());
    try {
      b.rawPath(path.get());
    } catch (IllegalArgumentException e) {
      return problem(400, "invalid_path", e.getMessage(), requestId);
    }
    try {
      b.rawQuery(rawQuery);
    } catch (IllegalArgumentException e) {
      return problem(400, "invalid_query", e.getMessage(), requestId);
    }
    try {
      b.headers(headers(message.getHeaders()));
    } catch (IllegalArgumentException e) {
      return problem(400, "invalid_header", e.getMessage(), requestId);
    }
    Optional<byte[]> body = message.getBody();
    b.body(body == null ? new byte[0] : body.orElse(new byte[0]));
    return new Translated(b.build(), null);
  }

  private static Translated problem(int status, String code, String detail, String requestId) {
    return new Translated(null, Problems.response(status, code, detail, requestId));
  }

  private static String join(String hostPrefix, String functionPrefix) {
    if (hostPrefix.isEmpty()) {
      return functionPrefix;
    }
    return functionPrefix.isEmpty() ? hostPrefix : hostPrefix + "/" + functionPrefix;
  }

  /**
   * The raw path after the literal prefix (compared case-insensitively, as ASP.NET Core routing
   * does), or empty when the path lies outside it.
   */
  static Optional<String> strip(String rawPath, String prefix) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    if (prefix.isEmpty()) {
      return Optional.of(path);
    }
    String literal = "/" + prefix;
    String lowerPath = path.toLowerCase(Locale.ROOT);
    String lowerLiteral = literal.toLowerCase(Locale.ROOT);
    if (lowerPath.equals(lowerLiteral) || lowerPath.equals(lowerLiteral + "/")) {
      return Optional.of("/");
    }
    if (lowerPath.startsWith(lowerLiteral + "/")) {
      return Optional.of(path.substring(literal.length()));
    }
    return Optional.empty();
  }

  /** Headers from the host's map, whose names arrive in lower case; lookups ignore case. */
  static Headers headers(Map<String, String> map) {
    if (map == null || map.isEmpty()) {
      return Headers.empty();
    }
    Headers.Builder b = Headers.builder();
    map.forEach(b::add);
    return b.build();
  }

  /**
   * The Azure response. Azure's response headers hold one value per name: repeated values are
   * joined with ", ", except {@code Set-Cookie}, whose values cannot be joined; only the first
   * cookie is sent and the others are logged as dropped.
   */
  static HttpResponseMessage response(
      HttpRequestMessage<Optional<byte[]>> message, HttpResponse response, Logger logger) {
    HttpResponseMessage.Builder b =
        message.createResponseBuilder(HttpStatusType.custom(response.statusCode()));
    for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
      List<String> values = h.getValue();
      if (h.getKey().equalsIgnoreCase("Set-Cookie")) {
        b.header(h.getKey(), values.get(0));
        if (values.size() > 1 && logger != null) {
          logger.warning(
              "Azure Functions sends one Set-Cookie header per response; dropped "
                  + (values.size() - 1)
                  + " more cookie(s).");
        }
      } else {
        b.header(h.getKey(), String.join(", ", values));
      }
    }
    if (response.bodyLength() > 0) {
      b.body(response.body());
    }
    return b.build();
  }
}
