package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.local.fixtures.Probe;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Where a profile follows what its cloud does with the resources anyfn deploys. */
class ProviderFidelityTest {
  private static final Duration IDLE = Duration.ofSeconds(20);

  private static final TriggerSpec.Storage CREATED_ONLY =
      new TriggerSpec.Storage("photos", List.of("CREATED"));
  private static final TriggerSpec.Storage WITH_DELETIONS =
      new TriggerSpec.Storage("photos", List.of("CREATED", "DELETED"));

  @Test
  void underAzureAStorageTriggerTakingDeletionsIsTriedThirtyTimesAsEventGridRetries() {
    // uploads takes CREATED and DELETED of photos: Azure serves it through an Event Grid
    // subscription, whose default retry policy makes 30 delivery attempts.
    try (Harness h = new Harness(Harness.fast().profile(Profile.AZURE))) {
      h.emulator.events().putObject("photos", "failing.jpg", new byte[] {1}, "image/jpeg");
      h.emulator.events().awaitIdle(IDLE);

      assertThat(Probe.seen).hasSize(30);
      assertThat(h.emulator.events().deadLetters("photos"))
          .singleElement()
          .satisfies(
              d -> {
                assertThat(d.attempts()).isEqualTo(30);
                assertThat(d.reason()).isEqualTo("max_attempts");
              });
    }
  }

  @Test
  void underAzureABlobTriggerIsTriedFiveTimesAndAnEventGridOneThirty() {
    assertThat(Profile.AZURE.deliveryAttempts(CREATED_ONLY)).isEqualTo(5);
    assertThat(Profile.AZURE.deliveryAttempts(WITH_DELETIONS)).isEqualTo(30);
    assertThat(Profile.AWS.deliveryAttempts(WITH_DELETIONS)).isEqualTo(3);
    assertThat(Profile.GCP.deliveryAttempts(WITH_DELETIONS)).isEqualTo(1);
  }

  @Test
  void underAzureAnEventGridStorageEventExpiresAfterEventGridsDayWhileABlobWaits() {
    assertThat(Profile.AZURE.maxEventAge(WITH_DELETIONS)).isEqualTo(Duration.ofHours(24));
    assertThat(Profile.AZURE.maxEventAge(CREATED_ONLY)).isEqualTo(Profile.NO_AGE_LIMIT);
  }

  /** The headers hello's /headers route saw, one "name: value" line each, under {@code profile}. */
  private static List<String> headersSeenUnder(Profile profile) {
    try (Harness h = new Harness(Harness.fast().profile(profile))) {
      HttpRequest request =
          HttpRequest.newBuilder(h.uri("/headers"))
              .header("X-Trace", "a")
              .header("X-Trace", "b")
              .header("Cookie", "session=1; theme=dark")
              .GET()
              .build();
      return h.send(request).body().lines().toList();
    }
  }

  private static String name(String line) {
    return line.substring(0, line.indexOf(':'));
  }

  @Test
  void underAwsHeaderNamesAreLowerCaseRepeatsCommaJoinedAndCookiesOneCookieHeader() {
    List<String> seen = headersSeenUnder(Profile.AWS);
    assertThat(seen)
        .contains("x-trace: a,b")
        .doesNotContain("X-Trace: a", "x-trace: a")
        .endsWith("Cookie: session=1; theme=dark");
    assertThat(seen)
        .filteredOn(l -> !l.startsWith("Cookie: "))
        .extracting(ProviderFidelityTest::name)
        .allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
  }

  @Test
  void underAzureHeaderNamesAreLowerCaseWithOneValueEach() {
    List<String> seen = headersSeenUnder(Profile.AZURE);
    assertThat(seen).contains("x-trace: a,b", "cookie: session=1; theme=dark");
    assertThat(seen)
        .extracting(ProviderFidelityTest::name)
        .allMatch(n -> n.equals(n.toLowerCase(Locale.ROOT)));
  }

  @Test
  void aRepeatedHeaderWithAControlCharacterInOneValueIsRefusedBeforeAnyFunctionSeesIt()
      throws Exception {
    // Jetty's parser answers 400 itself: such a value never reaches FrontDoorHeaders from the wire
    // (FrontDoorHeadersTest pins what it does with one).
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS));
        Socket s = ConnectionLimitsTest.connect(h)) {
      ConnectionLimitsTest.send(
          s,
          "GET /headers HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
              + "X-Trace: a\r\nX-Trace: b\u007f\r\nX-Trace: c\r\n\r\n");
      assertThat(ConnectionLimitsTest.readUntilClosed(s))
          .startsWith("HTTP/1.1 400")
          .contains("Illegal character CNTL=0x7f");
    }
  }

  @Test
  void underGcpHeadersArriveAsSent() {
    assertThat(headersSeenUnder(Profile.GCP))
        .contains("X-Trace: a", "X-Trace: b", "Cookie: session=1; theme=dark");
  }
}
