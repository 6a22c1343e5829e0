package dev.anyfn.conformance;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Sends a neutral request as real HTTP to a server and reads the answer back into a neutral
 * response, for the suites of adapters that serve HTTP themselves (Google's invoker, the emulator).
 * The path's segments and the query are percent-encoded again from their decoded values.
 */
public final class WireHttp {
  /** Headers java.net.http sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private WireHttp() {}

  /** Sends {@code request} to {@code baseUrl} (scheme, host and port, no trailing slash). */
  public static HttpResponse send(HttpClient client, String baseUrl, HttpRequest request)
      throws Exception {
    StringBuilder target = new StringBuilder(baseUrl);
    if (request.pathSegments().isEmpty()) {
      target.append('/');
    }
    for (String segment : request.pathSegments()) {
      target.append('/').append(encode(segment));
    }
    if (!request.query().isEmpty()) {
      target.append('?').append(query(request.query()));
    }
    java.net.http.HttpRequest.Builder b =
        java.net.http.HttpRequest.newBuilder(URI.create(target.toString()))
            .method(
                request.method(),
                request.bodyLength() == 0
                    ? BodyPublishers.noBody()
                    : BodyPublishers.ofByteArray(request.body()));
    for (String name : request.headers().names()) {
      if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
        request.headers().all(name).forEach(v -> b.header(name, v));
      }
    }
    java.net.http.HttpResponse<byte[]> r = client.send(b.build(), BodyHandlers.ofByteArray());
    HttpResponse.Builder out = HttpResponse.status(r.statusCode());
    r.headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!name.equalsIgnoreCase("content-type") && !name.startsWith(":")) {
                values.forEach(v -> out.header(name, v));
              }
            });
    r.headers().firstValue("Content-Type").ifPresent(ct -> out.body(r.body(), ct));
    return out.build();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String query(Map<String, List<String>> query) {
    return query.entrySet().stream()
        .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
        .collect(Collectors.joining("&"));
  }
}
