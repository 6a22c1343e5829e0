package dev.anyfn.gcp;

import dev.anyfn.HttpResponse;
import dev.anyfn.conformance.HttpConformanceSuite;
import dev.anyfn.gcp.testing.InvokerJvm;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared HTTP conformance suite through Google's real invoker: each neutral request is sent as
 * real HTTP to {@link HttpEntryPoint} serving function {@code conformance}, and the wire answer is
 * read back into a neutral response.
 */
class GcpConformanceTest extends HttpConformanceSuite {
  /** Headers java.net.http sets itself and refuses from callers. */
  private static final Set<String> RESTRICTED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  @TempDir static Path dir;
  private static InvokerJvm invoker;
  private final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    invoker =
        Invokers.start(
            "invoker",
            GcpDeploymentPlan.HTTP_ENTRY,
            Map.of(GcpSettings.FUNCTION, "conformance"),
            dir);
  }

  @AfterAll
  static void stop() {
    if (invoker != null) {
      invoker.close();
    }
  }

  @Override
  protected HttpResponse send(dev.anyfn.HttpRequest request) throws Exception {
    StringBuilder target = new StringBuilder(invoker.baseUrl());
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
      if (!RESTRICTED.contains(name.toLowerCase())) {
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
