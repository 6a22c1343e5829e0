package dev.anyfn.core.index;

import java.util.List;

/**
 * A function's {@code @Cors}, as recorded in the index.
 *
 * @param origins the origins allowed, or {@code ["*"]} for any
 * @param allowHeaders request headers a page may send
 * @param exposeHeaders response headers a page may read
 * @param allowCredentials whether a page may send credentials
 * @param maxAgeSeconds how long a browser may reuse a preflight answer
 */
public record CorsSpec(
    List<String> origins,
    List<String> allowHeaders,
    List<String> exposeHeaders,
    boolean allowCredentials,
    int maxAgeSeconds) {
  /** Copies the lists. */
  public CorsSpec {
    origins = List.copyOf(origins);
    allowHeaders = allowHeaders == null ? List.of() : List.copyOf(allowHeaders);
    exposeHeaders = exposeHeaders == null ? List.of() : List.copyOf(exposeHeaders);
  }

  /** Whether any origin is allowed. */
  public boolean anyOrigin() {
    return origins.contains("*");
  }

  /** Whether a page of {@code origin} may read the answers (origins compare ignoring case). */
  public boolean allows(String origin) {
    return anyOrigin() || origins.stream().anyMatch(o -> o.equalsIgnoreCase(origin));
  }
}
