package dev.anyfn.local;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.conformance.HttpConformanceSuite;
import dev.anyfn.conformance.WireHttp;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The shared HTTP conformance suite through the emulator: each neutral request is sent as real HTTP
 * to an emulator serving function {@code conformance} alone, and the answer read back.
 */
class LocalConformanceTest extends HttpConformanceSuite {
  private static Harness h;

  @BeforeAll
  static void start() {
    h = new Harness(Emulator.builder(), FixtureIndex.conformanceOnly());
  }

  @AfterAll
  static void stop() {
    h.close();
  }

  @Override
  protected HttpResponse send(HttpRequest request) throws Exception {
    URI base = h.emulator.baseUri();
    return WireHttp.send(h.client, base.toString(), request);
  }
}
