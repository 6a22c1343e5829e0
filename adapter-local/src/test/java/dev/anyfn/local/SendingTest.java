package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.QueueMessage;
import dev.anyfn.TopicMessage;
import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A handler's {@code Context.send} reaches the emulator's queues when it returns: the function
 * reading the queue gets the message, and a queue no function reads keeps it for tests.
 */
class SendingTest {
  private static final Duration IDLE = Duration.ofSeconds(10);

  @Test
  void aMessageSentByAnHttpHandlerIsDeliveredToTheFunctionReadingTheQueue() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> r = h.post("/checkout", "cart-1");
      h.emulator.events().awaitIdle(IDLE);

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(Probe.seen).containsExactlyInAnyOrder("paid:cart-1", "checked out:cart-1");
      assertThat(h.emulator.events().unconsumed("receipts"))
          .extracting(QueueMessage::bodyText)
          .containsExactly("receipt for cart-1");
      assertThat(h.emulator.events().unsubscribed("analytics"))
          .extracting(TopicMessage::bodyText)
          .containsExactly("{\"cart\":\"cart-1\"}");
    }
  }

  @Test
  void aHandlerThatThrowsSendsNothing() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> r = h.post("/checkout", "fail");
      h.emulator.events().awaitIdle(IDLE);

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(Probe.seen).isEmpty();
      assertThat(h.emulator.events().unconsumed("receipts")).isEmpty();
      assertThat(h.emulator.events().unsubscribed("analytics")).isEmpty();
    }
  }

  @Test
  void underAzureAMessageOverWhatFitsAStorageQueueOnceBase64EncodedFailsTheCallAndSendsNothing() {
    assertOversizedSendFailsAndSendsNothing(
        Profile.AZURE,
        48 * 1024 + 1,
        "A message to queue 'payments' has 49153 bytes; the queue takes at most 49152 (a 64 KiB"
            + " Storage queue message, base64-encoded by the output binding, under the emulator's"
            + " azure profile).");
  }

  @Test
  void aMessageOverTheLimitOfContextSendNamesTheServiceAndTheProfileWhoseLimitItIs() {
    assertOversizedSendFailsAndSendsNothing(
        Profile.AWS,
        256 * 1024 + 1,
        "A message to queue 'payments' has 262145 bytes; the queue takes at most 262144 (SQS,"
            + " under the emulator's aws profile). Send a reference");
  }

  /** A checkout sending {@code bytes} to queue payments fails, logging {@code refusal}. */
  private static void assertOversizedSendFailsAndSendsNothing(
      Profile profile, int bytes, String refusal) {
    try (Harness h = new Harness(Harness.fast().profile(profile))) {
      HttpResponse<String> r = h.post("/checkout", "x".repeat(bytes));
      h.emulator.events().awaitIdle(IDLE);

      assertThat(r.statusCode()).isEqualTo(500);
      assertThat(h.logged(refusal)).isTrue();
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void eachProfileNamesWhatSetsTheLimitOfAMessageAHandlerPublishes() {
    assertThat(Profile.AWS.publishedMessageLimitSource())
        .isEqualTo("SNS, under the emulator's aws profile");
    assertThat(Profile.GCP.publishedMessageLimitSource())
        .isEqualTo(
            "Pub/Sub's REST API, base64 in a 10 MiB request, under the emulator's gcp profile");
    assertThat(Profile.AZURE.publishedMessageLimitSource())
        .isEqualTo("Service Bus Standard, under the emulator's azure profile");
  }

  @Test
  void theControlApiListsWhatWasSentToAQueueNoFunctionReadsAndResetDropsIt() {
    try (Harness h = new Harness(Harness.fast())) {
      h.post("/checkout", "cart-2");

      assertThat(h.get("/_anyfn/queues/receipts/messages").body())
          .contains("\"body\":\"receipt for cart-2\"");
      assertThat(h.get("/_anyfn/topics/analytics/messages").body())
          .contains("\"body\":\"{\\\"cart\\\":\\\"cart-2\\\"}\"");
      h.post("/_anyfn/reset", "");
      assertThat(h.emulator.events().unconsumed("receipts")).isEmpty();
      assertThat(h.emulator.events().unsubscribed("analytics")).isEmpty();
    }
  }

  @Test
  void askingForTheUnconsumedMessagesOfAQueueAFunctionReadsSaysWhereTheyWent() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(() -> h.emulator.events().unconsumed("payments"))
          .hasMessageContaining("A function reads 'payments': its messages are delivered to it.");
    }
  }

  @Test
  void theLargestMessageAHandlerMaySendOrPublishIsWhatEachCloudsAdapterSends() {
    assertThat(Profile.AWS.maxSentMessageBytes()).isEqualTo(256 * 1024);
    assertThat(Profile.AWS.maxPublishedMessageBytes()).isEqualTo(256 * 1024);
    assertThat(Profile.GCP.maxSentMessageBytes()).isEqualTo(7_864_299);
    assertThat(Profile.GCP.maxPublishedMessageBytes()).isEqualTo(7_864_299);
    assertThat(Profile.AZURE.maxSentMessageBytes()).isEqualTo(48 * 1024);
    assertThat(Profile.AZURE.maxPublishedMessageBytes()).isEqualTo(256 * 1024);
  }

  @Test
  void theStartBannerSaysWhatEachFunctionSendsToAndWhereUnreadMessagesAreKept() {
    try (Harness h = new Harness(Harness.fast())) {
      String base = h.emulator.baseUri().toString();

      assertThat(
              h.logged(
                  "Sends (@SendsTo):\n  checkout -> QUEUE payments, QUEUE receipts (read by none:"
                      + " kept, "
                      + base
                      + "/_anyfn/queues/receipts/messages), TOPIC checkouts, TOPIC analytics"
                      + " (read by none: kept, "
                      + base
                      + "/_anyfn/topics/analytics/messages)\n"))
          .isTrue();
    }
  }
}
