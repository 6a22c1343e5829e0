package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** SECURITY.md row 44: events larger than the profile's provider accepts are refused, not lost. */
class EventSizeLimitTest {
  static final Duration IDLE = Duration.ofSeconds(10);
  static final int SQS_LIMIT = 256 * 1024;

  static String text(int bytes) {
    char[] c = new char[bytes];
    Arrays.fill(c, 'x');
    return new String(c);
  }

  @Test
  void queueMessageOverTheSqsLimitIsRefusedNamingLimitSizeAndProfileAndNothingIsQueued() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(() -> h.emulator.events().send("orders", text(SQS_LIMIT + 1)))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessage(
              "The SQS message for queue 'orders' has 262145 bytes; the aws profile accepts at"
                  + " most 262144 bytes. Nothing was accepted. Send less (for example store the"
                  + " payload in a bucket and send its key), or choose the profile of the"
                  + " provider you deploy to.")
          .satisfies(
              e -> {
                EventTooLargeException t = (EventTooLargeException) e;
                assertThat(t.profile()).isEqualTo(Profile.AWS);
                assertThat(t.sizeBytes()).isEqualTo(SQS_LIMIT + 1);
                assertThat(t.limitBytes()).isEqualTo(SQS_LIMIT);
              });
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).isEmpty();
      assertThat(h.emulator.metrics().function("orders").deliveries()).isZero();
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
    }
  }

  @Test
  void queueMessageExactlyAtTheLimitIsDeliveredAndAttributesCountTowardsIt() {
    try (Harness h = new Harness(Harness.fast())) {
      Map<String, String> attributes = Map.of("tenant", "acme"); // 10 bytes
      byte[] fits = text(SQS_LIMIT - 10).getBytes(StandardCharsets.UTF_8);
      h.emulator.events().send("orders", fits, attributes);
      byte[] oneOver = text(SQS_LIMIT - 9).getBytes(StandardCharsets.UTF_8);
      assertThatThrownBy(() -> h.emulator.events().send("orders", oneOver, attributes))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining("has 262145 bytes");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).hasSize(1);
      assertThat(Probe.seen.get(0)).endsWith("#1").hasSize(SQS_LIMIT - 10 + 2);
    }
  }

  @Test
  void theProfileDecidesTheLimit() {
    String hundredKb = text(100 * 1024);
    try (Harness aws = new Harness(Harness.fast())) {
      aws.emulator.events().send("orders", hundredKb);
      aws.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).hasSize(1);
    }
    try (Harness azure = new Harness(Harness.fast().profile(Profile.AZURE))) {
      assertThatThrownBy(() -> azure.emulator.events().send("orders", hundredKb))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining("The Storage queue message for queue 'orders' has 102400 bytes")
          .hasMessageContaining("the azure profile accepts at most 65536 bytes");
    }
    try (Harness gcp = new Harness(Harness.fast().profile(Profile.GCP))) {
      assertThatThrownBy(() -> gcp.emulator.events().send("orders", text(10_000_001)))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining("The Pub/Sub message for queue 'orders' has 10000001 bytes")
          .hasMessageContaining("the gcp profile accepts at most 10000000 bytes");
    }
  }

  @Test
  void topicMessageOverTheSnsLimitReachesNoSubscriber() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(() -> h.emulator.events().publish("news", text(SQS_LIMIT + 1)))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining("The SNS message for topic 'news' has 262145 bytes")
          .hasMessageContaining("the aws profile accepts at most 262144 bytes");
      h.emulator.events().publish("news", "small");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactlyInAnyOrder("a:small", "b:small");
    }
  }

  @Test
  void objectWhoseNotificationIsOverTheS3LimitIsNeitherStoredNorNotified() {
    try (Harness h = new Harness(Harness.fast())) {
      String key = text(64 * 1024);
      assertThatThrownBy(
              () -> h.emulator.events().putObject("photos", key, new byte[] {1}, "image/png"))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining("The S3 event notification for object 'xxx")
          .hasMessageContaining("...' in bucket 'photos' has ")
          .hasMessageContaining("the aws profile accepts at most 65536 bytes");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().getObject("photos", key)).isEmpty();
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void invocationPayloadOverTheLambdaLimitDoesNotInvokeTheFunction() {
    try (Harness h = new Harness(Harness.fast())) {
      byte[] payload = new byte[6 * 1024 * 1024 + 1];
      assertThatThrownBy(() -> h.emulator.events().invoke("calculator", payload))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining(
              "The synchronous Lambda Invoke payload for function 'calculator' has 6291457 bytes")
          .hasMessageContaining("the aws profile accepts at most 6291456 bytes");
      assertThat(h.emulator.metrics().function("calculator").invocations()).isZero();
      assertThat(h.emulator.metrics().function("calculator").coldStarts()).isZero();
    }
  }

  @Test
  void controlApiAnswersAnOversizedQueueMessageWith413ProblemAndQueuesNothing() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> r = h.post("/_anyfn/queues/orders/messages", text(SQS_LIMIT + 1));
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.headers().firstValue("Content-Type")).hasValue("application/problem+json");
      assertThat(r.body())
          .contains("\"status\":413")
          .contains("event_too_large")
          .contains("The SQS message for queue 'orders' has 262145 bytes")
          .contains("the aws profile accepts at most 262144 bytes");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void controlApiAnswersAnOversizedTopicMessageWith413Problem() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AZURE))) {
      HttpResponse<String> r =
          h.post("/_anyfn/topics/news/messages?kind=big", text(256 * 1024 - 3));
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.body())
          .contains("The Service Bus topic message for topic 'news' has 262148 bytes")
          .contains("the azure profile accepts at most 262144 bytes");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void aQueueOrTopicMessageOverTheRequestLimitIsTold413WithTheMessageLimitItMeetsToo() {
    try (Harness h = new Harness(Harness.fast())) {
      for (String path :
          new String[] {"/_anyfn/queues/orders/messages", "/_anyfn/topics/news/messages"}) {
        HttpResponse<String> r =
            h.send(
                HttpRequest.newBuilder(h.uri(path))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[7 * 1024 * 1024]))
                    .build());

        assertThat(r.statusCode()).as(path).isEqualTo(413);
        assertThat(r.body())
            .as(path)
            .contains("\"error\":\"body_too_large\"")
            .contains(
                "The body has 7340032 bytes; the limit of the aws profile is 6291456 bytes. A "
                    + (path.contains("queues")
                        ? "queue message (SQS message)"
                        : "topic message (SNS message)")
                    + " takes at most 262144 bytes under this profile; send less, for example"
                    + " store the payload in a bucket and send its key.");
      }
      HttpResponse<String> invoke =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/functions/calculator/invoke"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[7 * 1024 * 1024]))
                  .build());
      assertThat(invoke.body()).doesNotContain("message (");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void controlApiRefusesAnOversizedInvocationWith413BeforeInvoking() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> r =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/functions/calculator/invoke"))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[6 * 1024 * 1024 + 1]))
                  .build());
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.body()).contains("6291456 bytes").contains("aws profile");
      assertThat(h.emulator.metrics().function("calculator").invocations()).isZero();
    }
  }

  @Test
  void controlApiAnswersAnInvocationOfAnUnknownFunctionWith404() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> r = h.post("/_anyfn/functions/nope/invoke", "{}");
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("No function named 'nope'");
    }
  }

  @Test
  void rowOverTheDynamoDbItemLimitIsNotWrittenAndFiresNothingButFitsFirestore() {
    String image = "{\"name\":\"" + text(400 * 1024) + "\"}";
    Map<String, Object> key = Map.of("id", 1);
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(() -> h.emulator.events().putRow("users", key, image))
          .isInstanceOf(EventTooLargeException.class)
          .hasMessageContaining("The DynamoDB item for table 'users' has 409614 bytes")
          .hasMessageContaining("the aws profile accepts at most 409600 bytes");
      h.emulator.events().putRow("users", key, "{\"name\":\"Ada\"}");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("INSERT - -> Ada");
    }
    try (Harness h = new Harness(Harness.fast().profile(Profile.GCP))) {
      h.emulator.events().putRow("users", key, image);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).hasSize(1);
    }
  }

  @Test
  void controlApiAnswersAnOversizedRowWith413() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.GCP))) {
      String doc = "{\"keys\":{\"id\":1},\"image\":{\"name\":\"" + text(1024 * 1024) + "\"}}";
      HttpResponse<String> r =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/tables/users/rows"))
                  .PUT(HttpRequest.BodyPublishers.ofString(doc))
                  .header("Content-Type", "application/json")
                  .build());
      assertThat(r.statusCode()).isEqualTo(413);
      assertThat(r.body())
          .contains("The Firestore document for table 'users'")
          .contains("the gcp profile accepts at most 1048576 bytes");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).isEmpty();
    }
  }
}
