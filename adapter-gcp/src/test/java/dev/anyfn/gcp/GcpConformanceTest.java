package dev.anyfn.gcp;

import dev.anyfn.HttpResponse;
import dev.anyfn.conformance.HttpConformanceSuite;
import dev.anyfn.conformance.WireHttp;
import dev.anyfn.gcp.testing.InvokerJvm;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared HTTP conformance suite through Google's real invoker: each neutral request is sent as
 * real HTTP to {@link HttpEntryPoint} serving function {@code conformance}, and the wire answer is
 * read back into a neutral response.
 */
class GcpConformanceTest extends HttpConformanceSuite {
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
    return WireHttp.send(client, invoker.baseUrl(), request);
  }
}
