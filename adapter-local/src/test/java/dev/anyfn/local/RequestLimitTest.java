package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** A request too large for the function's cloud is refused on the emulator as it would be there. */
class RequestLimitTest {
  static final int MIB = 1024 * 1024;

  private static HttpResponse<String> post(Profile profile, String contentType, byte[] body) {
    try (Harness h = new Harness(Harness.fast().profile(profile))) {
      return h.send(
          HttpRequest.newBuilder(h.uri("/echo"))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build());
    }
  }

  @Test
  void underAwsAFileCountsAsItsBase64AndFiveMegabytesOfItAre413() {
    // 5 MiB of bytes reach Lambda as 6.7 MiB of base64 in the HTTP API's event.
    HttpResponse<String> r = post(Profile.AWS, "application/octet-stream", new byte[5 * MIB]);

    assertThat(r.statusCode()).isEqualTo(413);
    assertThat(r.body())
        .contains("\"error\":\"request_too_large\"")
        .contains("bytes as Lambda receives it (the HTTP API's event")
        .contains("the synchronous AWS Lambda request limit under profile aws is 6291456 bytes");
  }

  @Test
  void underAwsFiveMegabytesOfTextReachTheFunction() {
    HttpResponse<String> r = post(Profile.AWS, "text/plain", "a".repeat(5 * MIB).getBytes());

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize(5 * MIB);
  }

  @Test
  void underGcpTheSameFileReachesTheFunction() {
    HttpResponse<String> r = post(Profile.GCP, "application/octet-stream", new byte[5 * MIB]);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize(5 * MIB);
  }
}
