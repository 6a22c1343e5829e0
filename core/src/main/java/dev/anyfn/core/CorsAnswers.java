package dev.anyfn.core;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.index.CorsSpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a function with {@code @Cors} answers to browsers: a preflight ({@code OPTIONS} with {@code
 * Origin} and {@code Access-Control-Request-Method}) is answered here, without a handler; the
 * answers of an allowed origin's other requests get {@code Access-Control-Allow-Origin} and what
 * goes with it (Fetch standard, "CORS protocol").
 */
final class CorsAnswers {
  static final String ORIGIN = "Origin";
  static final String REQUEST_METHOD = "Access-Control-Request-Method";

  private CorsAnswers() {}

  /** The method a preflight asks about; empty when {@code request} is not a preflight. */
  static Optional<String> preflightMethod(HttpRequest request) {
    if (!request.method().equals("OPTIONS") || request.headers().first(ORIGIN).isEmpty()) {
      return Optional.empty();
    }
    return request
        .headers()
        .first(REQUEST_METHOD)
        .map(m -> m.strip().toUpperCase(Locale.ROOT))
        .filter(m -> !m.isEmpty());
  }

  /**
   * The answer to a preflight for a path that answers {@code methods}: 204 with the allowed
   * methods, headers and max age for an allowed origin, 403 naming the allowed origins otherwise.
   */
  static HttpResponse preflight(
      CorsSpec cors, HttpRequest request, List<String> methods, String function, String requestId) {
    String origin = request.headers().first(ORIGIN).orElse("");
    if (!cors.allows(origin)) {
      return Problems.builder(
              403,
              "cors_origin_refused",
              "Origin '"
                  + origin
                  + "' may not call function '"
                  + function
                  + "' from a browser; its @Cors allows "
                  + cors.origins()
                  + ".",
              requestId)
          .header("Vary", "Origin")
          .build();
    }
    HttpResponse.Builder b =
        HttpResponse.status(204)
            .header("Access-Control-Allow-Origin", allowOrigin(cors, origin))
            .header("Access-Control-Allow-Methods", String.join(", ", methods))
            .header("Access-Control-Max-Age", String.valueOf(cors.maxAgeSeconds()))
            .header(
                "Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    if (!cors.allowHeaders().isEmpty()) {
      b.header("Access-Control-Allow-Headers", String.join(", ", cors.allowHeaders()));
    }
    if (cors.allowCredentials()) {
      b.header("Access-Control-Allow-Credentials", "true");
    }
    return b.build();
  }

  /** {@code response} with the headers an allowed origin needs to read it. */
  static HttpResponse decorate(CorsSpec cors, HttpRequest request, HttpResponse response) {
    Optional<String> origin = request.headers().first(ORIGIN);
    if (origin.isEmpty()) {
      return response;
    }
    HttpResponse.Builder b = response.toBuilder().header("Vary", "Origin");
    if (cors.allows(origin.get())) {
      // @Cors decides: a value the handler set is replaced, not doubled
      b.setHeader("Access-Control-Allow-Origin", allowOrigin(cors, origin.get()));
      if (cors.allowCredentials()) {
        b.setHeader("Access-Control-Allow-Credentials", "true");
      }
      if (!cors.exposeHeaders().isEmpty()) {
        b.setHeader("Access-Control-Expose-Headers", String.join(", ", cors.exposeHeaders()));
      }
    }
    return b.build();
  }

  /** {@code *} for any origin, else the origin itself (browsers take one origin, not a list). */
  private static String allowOrigin(CorsSpec cors, String origin) {
    return cors.anyOrigin() ? "*" : origin;
  }
}
