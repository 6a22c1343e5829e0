package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.InvokeOutcome;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An answer too large for the cloud fails on the emulator as it would there. */
class ResponseLimitTest {
  static final int MIB = 1024 * 1024;

  private static HttpResponse<String> get(Profile profile, String path) {
    try (Harness h = new Harness(Harness.fast().profile(profile))) {
      return h.get(path);
    }
  }

  @Test
  void underAwsABinaryBodyCountsAsItsBase64AndOverSixMegabytesIsA500() {
    // 5 MiB of bytes travel as 6.7 MiB of base64 in Lambda's answer.
    HttpResponse<String> r = get(Profile.AWS, "/large/bytes/" + 5 * MIB);

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.body())
        .contains("\"error\":\"response_too_large\"")
        .contains("The response is 6990508 bytes as carried")
        .contains("synchronous AWS Lambda response limit under profile aws is 6291456 bytes");
  }

  @Test
  void underAwsTheSameSizeOfTextIsCarriedAsItIs() {
    HttpResponse<String> r = get(Profile.AWS, "/large/text/" + 5 * MIB);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).hasSize(5 * MIB);
  }

  @Test
  void underGcpAResponseUpToThirtyTwoMegabytesIsCarried() {
    assertThat(get(Profile.GCP, "/large/bytes/" + 5 * MIB).statusCode()).isEqualTo(200);
    assertThat(get(Profile.GCP, "/large/bytes/" + (32 * MIB + 1)).statusCode()).isEqualTo(500);
  }

  @Test
  void underAzureNoResponseLimitApplies() {
    assertThat(get(Profile.AZURE, "/large/bytes/" + 33 * MIB).statusCode()).isEqualTo(200);
  }

  @Test
  void aDirectInvocationAnswerOverTheLimitIsAnErrorNotTheAnswer() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS))) {
      InvokeOutcome small = h.emulator.events().invoke("large", json("{\"chars\":10}"));
      InvokeOutcome big = h.emulator.events().invoke("large", json("{\"chars\":" + 7 * MIB + "}"));

      assertThat(small.succeeded()).isTrue();
      assertThat(big.error()).hasValue("response_too_large");
      assertThat(big.errorMessage()).contains("synchronous AWS Lambda response limit");
    }
  }

  private static byte[] json(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
