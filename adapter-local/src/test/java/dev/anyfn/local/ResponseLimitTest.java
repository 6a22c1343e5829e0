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
        // 6990508 of base64, 65 of envelope, 42 for "Content-Type":"application/octet-stream",
        .contains("The response is 6990615 bytes as Lambda carries it")
        .contains("synchronous AWS Lambda response limit under profile aws is 6291456 bytes");
  }

  @Test
  void underAwsATextBodyCountsJsonEscapedAsInLambdasAnswer() {
    // 4 MiB of quotes are 8 MiB in the answer's JSON, where each is written \"
    HttpResponse<String> quotes = get(Profile.AWS, "/large/quotes/" + 4 * MIB);
    assertThat(quotes.statusCode()).isEqualTo(500);
    // 8388608 escaped, 65 of envelope, 34 for "Content-Type":"application/json",
    assertThat(quotes.body()).contains("The response is 8388707 bytes");

    assertThat(get(Profile.AWS, "/large/quotes/" + 2 * MIB).statusCode()).isEqualTo(200);
    assertThat(get(Profile.GCP, "/large/quotes/" + 4 * MIB).statusCode())
        .as("Google counts the body as it is")
        .isEqualTo(200);
  }

  @Test
  void theAnswersSizeIsItsJsonEnvelopeHeadersAndEscapedBody() {
    dev.anyfn.HttpResponse answer =
        dev.anyfn.HttpResponse.status(200)
            .header("X-Id", "7")
            .body("a\"b\n\u0001".getBytes(StandardCharsets.UTF_8), "text/plain")
            .build();
    String expected =
        "{\"statusCode\":200,\"headers\":{\"X-Id\":\"7\",\"Content-Type\":\"text/plain\",},"
            + "\"body\":\"a\\\"b\\n\\u0001\",\"isBase64Encoded\":false}";

    assertThat(LambdaAnswerSize.of(answer)).isEqualTo(expected.length());
    assertThat(LambdaAnswerSize.atMost(answer)).isGreaterThanOrEqualTo(expected.length());
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
