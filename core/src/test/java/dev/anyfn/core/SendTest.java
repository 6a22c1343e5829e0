package dev.anyfn.core;

import static dev.anyfn.core.TestRuntime.jsonPost;
import static dev.anyfn.core.TestRuntime.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.HttpResponse;
import dev.anyfn.QueueMessage;
import dev.anyfn.conformance.RecordingSender;
import dev.anyfn.core.fixtures.SendingFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function with {@code @SendsTo} sends what its handlers gave {@code Context.send} when they
 * return, through the adapter's {@link MessageSender}, and nothing when they throw.
 */
class SendTest {
  private final TestRuntime rt = new TestRuntime();
  private final RecordingSender sender = new RecordingSender();
  private final List<String> sent = sender.sent;

  private InvocationContext context(String function) {
    return InvocationContext.builder()
        .requestId("req-1")
        .functionName(function)
        .logSink(rt.logs::add)
        .messageSender(sender)
        .build();
  }

  private HttpResponse post(String path, String body) {
    return rt.instance("fx-sending").handleHttp(jsonPost(path, body), context("fx-sending"));
  }

  private static QueueMessage message(String queue, String id, String body) {
    return QueueMessage.builder().id(id).queue(queue).body(body).build();
  }

  @Test
  void messagesAreSentAfterTheHandlerReturnedGroupedByQueueInTheOrderGiven() {
    HttpResponse r = post("/sending/orders", "{\"id\":\"o-1\",\"quantity\":2}");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(sent)
        .containsExactly(
            "orders: {\"id\":\"o-1\",\"quantity\":2}",
            "orders: {\"id\":\"o-1-copy\",\"quantity\":2}",
            "audit: order o-1");
  }

  @Test
  void aHandlerThatThrowsSendsNothingWhetherItIsAnHttpErrorOrAFailure() {
    assertThat(post("/sending/orders", "{\"id\":\"o-1\",\"quantity\":-1}").statusCode())
        .isEqualTo(422);
    assertThat(post("/sending/orders", "{\"id\":\"o-1\",\"quantity\":0}").statusCode())
        .isEqualTo(500);

    assertThat(sent).isEmpty();
  }

  @Test
  void aRefusedSendIsA500WithTheRequestIdAndTheCauseLogged() {
    sender.refusal = new IllegalStateException("queue does not exist");

    HttpResponse r = post("/sending/orders", "{\"id\":\"o-1\",\"quantity\":2}");

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(r.bodyText()).contains("req-1").doesNotContain("queue does not exist");
    assertThat(rt.logs)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("Sending 2 messages to queue 'orders' failed")
                    .contains("queue does not exist"));
  }

  @Test
  void aQueueTheFunctionDoesNotDeclareIsRefusedNamingTheDeclaredOnes() {
    HttpResponse r = post("/sending/elsewhere", "{}");

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(String.join("\n", rt.logs))
        .contains(
            "Function 'fx-sending' sends to queue 'billing', which its @SendsTo does not name; it"
                + " names ['orders', 'audit'].");
    assertThat(sent).isEmpty();
  }

  @Test
  void aFunctionWithoutSendsToIsToldToDeclareTheQueue() {
    HttpResponse r =
        rt.instance("fx-silent")
            .handleHttp(request("POST", "/silent").build(), context("fx-silent"));

    assertThat(r.statusCode()).isEqualTo(500);
    assertThat(String.join("\n", rt.logs))
        .contains("declares no queue to send to. Add @SendsTo(queues = \\\"orders\\\")");
  }

  /** Has fx-sending send {@code text} as one message to queue orders. */
  private HttpResponse sendText(String text) {
    return rt.instance("fx-sending")
        .handleHttp(
            request("POST", "/sending/large")
                .headers(dev.anyfn.Headers.builder().add("Content-Type", "text/plain").build())
                .body(text)
                .build(),
            context("fx-sending"));
  }

  @Test
  void aMessageLargerThanTheProviderTakesIsRefusedWhenSentCountingUtf8Bytes() {
    sender.maxBytes = 10;
    HttpResponse ok = sendText("ééééé"); // 10 bytes in UTF-8
    HttpResponse tooLarge = sendText("éééééx");

    assertThat(ok.statusCode()).isEqualTo(204);
    assertThat(tooLarge.statusCode()).isEqualTo(500);
    assertThat(String.join("\n", rt.logs))
        .contains("A message to queue 'orders' has 11 bytes; the queue takes at most 10 (LOCAL).");
    assertThat(sent).containsExactly("orders: ééééé");
  }

  @Test
  void eachEventSendsWhenItsOwnHandlerCallReturnsAndAFailedOneSendsNothing() {
    BatchOutcome o =
        rt.instance("fx-sending")
            .handleEvents(
                List.of(
                    message("sending-in", "m1", "{\"id\":\"a\",\"quantity\":1}"),
                    message("sending-in", "m2", "{\"id\":\"b\",\"quantity\":0}"),
                    message("sending-in", "m3", "{\"id\":\"c\",\"quantity\":1}")),
                context("fx-sending"));

    assertThat(o.failures()).extracting(BatchOutcome.ItemFailure::eventId).containsExactly("m2");
    assertThat(sent).containsExactly("audit: relayed a", "audit: relayed c");
  }

  @Test
  void aRefusedSendFailsTheEventSoThatItIsRetried() {
    sender.refusal = new IllegalStateException("throttled");

    BatchOutcome o =
        rt.instance("fx-sending")
            .handleEvents(
                List.of(message("sending-in", "m1", "{\"id\":\"a\",\"quantity\":1}")),
                context("fx-sending"));

    assertThat(o.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.reason()).contains("Sending 1 message to queue 'audit' failed");
            });
  }

  @Test
  void aBatchHandlerSendsWhenItReturnsEvenWhenItReportsSomeItemsFailed() {
    BatchOutcome o =
        rt.instance("fx-sending")
            .handleEvents(
                List.of(
                    message("sending-batch", "m1", "one"), message("sending-batch", "m2", "two")),
                context("fx-sending"));

    assertThat(o.failures()).extracting(BatchOutcome.ItemFailure::eventId).containsExactly("m1");
    assertThat(sent).containsExactly("audit: one", "audit: two");
  }

  @Test
  void aDirectInvocationSendsWhenItSucceedsAndFailsWhenTheSendIsRefused() {
    InvokeOutcome ok =
        rt.instance("fx-sending")
            .invoke(bytes("{\"id\":\"a\",\"quantity\":1}"), context("fx-sending"));
    InvokeOutcome failed =
        rt.instance("fx-sending")
            .invoke(bytes("{\"id\":\"b\",\"quantity\":0}"), context("fx-sending"));
    sender.refusal = new IllegalStateException("gone");
    InvokeOutcome refused =
        rt.instance("fx-sending")
            .invoke(bytes("{\"id\":\"c\",\"quantity\":1}"), context("fx-sending"));

    assertThat(ok.succeeded()).isTrue();
    assertThat(failed.succeeded()).isFalse();
    assertThat(refused.succeeded()).isFalse();
    assertThat(sent).containsExactly("orders: {\"id\":\"a\",\"quantity\":1}");
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aMessageIsCountedInUtf8BytesAsQueuesCountIt() {
    for (String text : List.of("", "plain", "é", "€", "😀", "a é € 😀 z")) {
      assertThat(MessageSender.utf8Bytes(text))
          .as(text)
          .isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
    }
  }

  @Test
  void aSendAfterTheHandlerReturnedIsRefusedRatherThanLost() {
    assertThat(post("/sending/later", "{}").statusCode()).isEqualTo(204);

    assertThatThrownBy(() -> SendingFunction.kept.send("orders", "late"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("was sent after the handler of function 'fx-sending' returned");
    assertThat(sent).isEmpty();
  }

  @Test
  void aTopicMessageIsPublishedBesideTheQueueMessagesWhenTheHandlerReturnsAndNotWhenItThrows() {
    assertThat(post("/sending/events", "{\"id\":\"o-1\",\"quantity\":2}").statusCode())
        .isEqualTo(200);
    assertThat(post("/sending/events", "{\"id\":\"o-2\",\"quantity\":0}").statusCode())
        .isEqualTo(500);

    assertThat(sent)
        .containsExactly(
            "topic order-events: {\"id\":\"o-1\",\"quantity\":2}",
            "orders: {\"id\":\"o-1\",\"quantity\":2}");
  }

  @Test
  void aTopicTheFunctionDoesNotDeclareIsRefusedNamingTheDeclaredOnes() {
    assertThat(post("/sending/news", "{}").statusCode()).isEqualTo(500);

    assertThat(String.join("\n", rt.logs))
        .contains(
            "Function 'fx-sending' publishes to topic 'news', which its @SendsTo does not name; it"
                + " names ['order-events']. Add it to @SendsTo(topics = ...)");
  }

  @Test
  void aRefusedPublishIsA500NamingTheTopicInTheLog() {
    sender.refusal = new IllegalStateException("no such topic");

    assertThat(post("/sending/events", "{\"id\":\"o-1\",\"quantity\":2}").statusCode())
        .isEqualTo(500);
    assertThat(String.join("\n", rt.logs))
        .contains("Publishing 1 message to topic 'order-events' failed");
  }

  @Test
  void theRefusalOfALargeMessageNamesWhatTheSenderSaysSetsTheQueuesOrTheTopicsLimit() {
    sender.maxBytes = 10; // queues 10, topics 20
    sender.queueLimitSource = "the test's queues";
    sender.topicLimitSource = "the test's topics";
    String order = "{\"id\":\"" + "x".repeat(15) + "\",\"quantity\":1}"; // 37 bytes

    HttpResponse large = sendText("éééééx"); // 11 bytes in UTF-8

    assertThat(large.statusCode()).isEqualTo(500);
    assertThat(post("/sending/events", order).statusCode()).isEqualTo(500);
    assertThat(String.join("\n", rt.logs))
        .contains(
            "A message to queue 'orders' has 11 bytes; the queue takes at most 10 (the test's"
                + " queues).")
        .contains(
            "A message to topic 'order-events' has 37 bytes; the topic takes at most 20 (the"
                + " test's topics).");
  }

  @Test
  void aTopicMessageIsMeasuredAgainstTheTopicsLimit() {
    sender.maxBytes = 20; // queues 20, topics 40
    String order = "{\"id\":\"" + "x".repeat(15) + "\",\"quantity\":1}"; // 37 bytes

    assertThat(post("/sending/events", order).statusCode()).isEqualTo(500);
    assertThat(String.join("\n", rt.logs))
        .contains("A message to queue 'orders' has 37 bytes; the queue takes at most 20")
        .doesNotContain("topic 'order-events' has");
  }
}
