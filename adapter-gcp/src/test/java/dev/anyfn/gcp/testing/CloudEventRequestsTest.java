package dev.anyfn.gcp.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CloudEventRequestsTest {
  private static final URI TARGET = URI.create("http://127.0.0.1:9/");

  @Test
  void binaryModeCarriesTheAttributesAsCeHeadersAndTheDataAsBody() {
    byte[] data = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
    HttpRequest r =
        CloudEventRequests.binary(TARGET, "id-1", "t.v1", "//src", "application/json", data);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.uri()).isEqualTo(TARGET);
    assertThat(r.headers().map())
        .isEqualTo(
            Map.of(
                "ce-specversion", List.of("1.0"),
                "ce-id", List.of("id-1"),
                "ce-type", List.of("t.v1"),
                "ce-source", List.of("//src"),
                "ce-time", List.of(CloudEventRequests.TIME),
                "Content-Type", List.of("application/json")));
    assertThat(r.bodyPublisher().orElseThrow().contentLength()).isEqualTo(data.length);
  }

  @Test
  void structuredModeIsOneCloudEventsJsonDocument() {
    HttpRequest r = CloudEventRequests.structured(TARGET, "{\"id\":\"é\"}");
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.headers().map())
        .isEqualTo(Map.of("Content-Type", List.of("application/cloudevents+json")));
    assertThat(r.bodyPublisher().orElseThrow().contentLength())
        .isEqualTo("{\"id\":\"é\"}".getBytes(StandardCharsets.UTF_8).length);
  }
}
