package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.ResourceNames;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Publishing a function's messages with Pub/Sub's REST API, against local stand-ins. */
class PubSubSenderTest {
  private static final String FORBIDDEN =
      "{\"error\":{\"code\":403,\"message\":\"User not authorized to perform this action.\","
          + "\"status\":\"PERMISSION_DENIED\"}}";

  private final FakeGoogleApis google = new FakeGoogleApis();
  private final PubSubSender sender =
      new PubSubSender("demo-project", ResourceNames.withPrefix("dev-"), google.apis());

  PubSubSenderTest() throws Exception {}

  @AfterEach
  void stop() {
    google.close();
  }

  @Test
  void messagesArePublishedAsBase64OfTheirUtf8ToThePrefixedTopicWithTheMetadataToken()
      throws Exception {
    sender.send("orders", List.of("{\"id\":\"o-1\"}", "naïve ✓"));

    FakeGoogleApis.Request token = google.tokenRequests.get(0);
    assertThat(token.method()).isEqualTo("GET");
    assertThat(token.path())
        .isEqualTo("/computeMetadata/v1/instance/service-accounts/default/token");
    assertThat(token.header("Metadata-Flavor")).isEqualTo("Google");

    FakeGoogleApis.Request publish = google.publishRequests.get(0);
    assertThat(publish.method()).isEqualTo("POST");
    assertThat(publish.path()).isEqualTo("/v1/projects/demo-project/topics/dev-orders:publish");
    assertThat(publish.header("Authorization")).isEqualTo("Bearer token-1");
    assertThat(publish.header("Content-Type")).startsWith("application/json");
    assertThat(publish.body())
        .isEqualTo(
            "{\"messages\":[{\"data\":\"eyJpZCI6Im8tMSJ9\"},{\"data\":\"bmHDr3ZlIOKckw==\"}]}");
    assertThat(publish.messages()).containsExactly("{\"id\":\"o-1\"}", "naïve ✓");
  }

  @Test
  void oneTokenServesSendsUntilShortlyBeforeItExpires() throws Exception {
    sender.send("orders", List.of("a"));
    sender.send("audit", List.of("b"));

    assertThat(google.tokenRequests).hasSize(1);
    assertThat(google.publishRequests)
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-1");

    google.expiresIn = 30; // within the refresh margin: used once, then replaced
    PubSubSender shortLived = new PubSubSender("demo-project", ResourceNames.NONE, google.apis());
    shortLived.send("orders", List.of("c"));
    shortLived.send("orders", List.of("d"));

    assertThat(google.tokenRequests).hasSize(3);
    assertThat(google.publishRequests)
        .extracting(r -> r.header("Authorization"))
        .containsExactly("Bearer token-1", "Bearer token-1", "Bearer token-2", "Bearer token-3");
  }

  @Test
  void moreThanAThousandMessagesAreSplitIntoRequestsOfAtMostAThousandInOrder() throws Exception {
    List<String> messages = IntStream.range(0, 2500).mapToObj(i -> "m" + i).toList();

    sender.send("orders", messages);

    assertThat(google.publishRequests)
        .extracting(r -> r.messages().size())
        .containsExactly(1000, 1000, 500);
    assertThat(google.published("projects/demo-project/topics/dev-orders")).isEqualTo(messages);
    assertThat(google.tokenRequests).hasSize(1);
  }

  @Test
  void messagesWhoseBase64WouldPassTenMebibytesGoInTheNextRequest() throws Exception {
    String three = "a".repeat(3_000_000); // 4,000,000 characters of base64: two fit in 10 MiB

    sender.send("orders", List.of(three, three, three));

    assertThat(google.publishRequests).extracting(r -> r.messages().size()).containsExactly(2, 1);
    assertThat(google.publishRequests)
        .allSatisfy(r -> assertThat(r.body().length()).isLessThanOrEqualTo(10 * 1024 * 1024));
  }

  @Test
  void theLargestMessageOneRequestCarriesIsSentAndALargerOneRefusedBeforeAnythingIsSent()
      throws Exception {
    assertThat(PubSubSender.MAX_REST_MESSAGE_BYTES).isEqualTo(7_864_299);

    sender.send("orders", List.of("x".repeat(7_864_299)));
    assertThat(google.publishRequests).singleElement();
    assertThat(google.publishRequests.get(0).body()).hasSize(10 * 1024 * 1024 - 2);

    assertThatThrownBy(() -> sender.send("orders", List.of("small", "x".repeat(7_864_300))))
        .isInstanceOf(PublishFailedException.class)
        .hasMessage(
            "A message to queue 'orders' has 7864300 bytes; Pub/Sub's REST API, which anyfn"
                + " publishes with, takes at most 7864299 (its base64 must fit a 10 MiB"
                + " request), so none of the 2 messages to topic"
                + " projects/demo-project/topics/dev-orders was sent. Send a reference to the"
                + " data (a storage object's name, say) instead.");
    assertThat(google.publishRequests).hasSize(1);
  }

  @Test
  void aRefusalFromPubSubIsAnExceptionWithItsStatusAndGooglesMessageButNotTheToken() {
    google.publishStatus = 403;
    google.publishError = FORBIDDEN;

    assertThatThrownBy(() -> sender.send("orders", List.of("a")))
        .isInstanceOf(PublishFailedException.class)
        .hasMessage(
            "Pub/Sub refused to publish 1 message to topic projects/demo-project/topics/dev-orders:"
                + " 403 PERMISSION_DENIED: User not authorized to perform this action. Grant the"
                + " function's runtime service account roles/pubsub.publisher on the topic (see"
                + " 'Sending to queues and topics' in the README of anyfn-adapter-gcp).")
        .message()
        .doesNotContain("token-1");
  }

  @Test
  void aMissingTopicIsA404SayingThatDeployShCreatesIt() {
    google.publishStatus = 404;
    google.publishError =
        "{\"error\":{\"code\":404,\"message\":\"Resource not found (resource=dev-orders).\","
            + "\"status\":\"NOT_FOUND\"}}";

    assertThatThrownBy(() -> sender.send("orders", List.of("a")))
        .hasMessageEndingWith(
            ": 404 NOT_FOUND: Resource not found (resource=dev-orders). Create the topic: the"
                + " generated target/anyfn/gcp/deploy.sh creates the topics of @SendsTo's queues"
                + " and topics, with the same PREFIX as the function's deployment.");
  }

  @Test
  void aRefusalAfterEarlierRequestsSaysHowManyWerePublished() {
    google.refuseFrom = 1;
    google.publishStatus = 500;
    google.publishError =
        "{\"error\":{\"code\":500,\"message\":\"Internal error\",\"status\":\"INTERNAL\"}}";
    List<String> messages = IntStream.range(0, 1500).mapToObj(i -> "m" + i).toList();

    assertThatThrownBy(() -> sender.send("orders", messages))
        .hasMessage(
            "Pub/Sub refused to publish 500 messages to topic"
                + " projects/demo-project/topics/dev-orders (the 1000 messages before them were"
                + " published): 500 INTERNAL: Internal error.");
    assertThat(google.publishRequests).hasSize(2);
  }

  @Test
  void aNonJsonRefusalShowsTheStartOfTheBodyWithoutControlCharacters() {
    google.publishStatus = 502;
    google.publishError = "<html>\nBad Gateway\n</html>";

    assertThatThrownBy(() -> sender.send("orders", List.of("a")))
        .hasMessage(
            "Pub/Sub refused to publish 1 message to topic projects/demo-project/topics/dev-orders:"
                + " 502 <html>?Bad Gateway?</html>.");
  }

  @Test
  void queueNamesAreEscapedAsOnePathSegment() throws Exception {
    new PubSubSender("demo-project", ResourceNames.NONE, google.apis())
        .send("a+b%c~d", List.of("x"));

    assertThat(google.publishRequests.get(0).path())
        .isEqualTo("/v1/projects/demo-project/topics/a%2Bb%25c~d:publish");
  }

  @Test
  void aMetadataServerThatDoesNotAnswerInTimeFailsTheSendNamingIt() {
    google.metadataDelay = Duration.ofSeconds(2);
    PubSubSender impatient =
        new PubSubSender("demo-project", ResourceNames.NONE, google.apis(Duration.ofMillis(200)));

    long start = System.nanoTime();
    assertThatThrownBy(() -> impatient.send("orders", List.of("a")))
        .isInstanceOf(PublishFailedException.class)
        .hasMessageStartingWith("Cannot get an access token from the metadata server at http://")
        .hasMessageContaining("within 200 ms: java.net.http.HttpTimeoutException");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
    assertThat(google.publishRequests).isEmpty();
  }

  @Test
  void aMetadataServerRefusalFailsTheSendWithItsStatusAndNothingIsPublished() {
    google.metadataStatus = 403;

    assertThatThrownBy(() -> sender.send("orders", List.of("a")))
        .isInstanceOf(PublishFailedException.class)
        .hasMessageStartingWith("The metadata server at http://")
        .hasMessageEndingWith(
            "/computeMetadata/v1/instance/service-accounts/default/token answered 403 (Missing"
                + " Metadata-Flavor:Google header.); expected 200 with the access token of the"
                + " function's service account. Check that the deployment runs as a service"
                + " account.");
    assertThat(google.publishRequests).isEmpty();
  }

  @Test
  void theLargestMessageAHandlerMaySendIsTheLargestOneRestRequestCarries() {
    assertThat(sender.maxMessageBytes()).isEqualTo(7_864_299);
  }

  @Test
  void theProjectIsAnyfnGcpProjectElseGoogleCloudProject() {
    Map<String, String> both =
        Map.of(
            GcpSettings.FUNCTION,
            "f",
            "ANYFN_GCP_PROJECT",
            "mine",
            "GOOGLE_CLOUD_PROJECT",
            "other");
    assertThat(GcpSettings.from(both).project()).contains("mine");
    assertThat(
            GcpSettings.from(Map.of(GcpSettings.FUNCTION, "f", "GOOGLE_CLOUD_PROJECT", "other"))
                .project())
        .contains("other");
  }

  @Test
  void aMissingProjectIsAConfigurationErrorNamingTheVariableAndTheFix() {
    GcpSettings settings = GcpSettings.from(Map.of(GcpSettings.FUNCTION, "gcp-sending"));

    assertThatThrownBy(
            () ->
                PubSubSender.forDeployment(
                    settings, List.of("orders", "audit"), List.of(), google.apis()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function 'gcp-sending' sends to ['orders', 'audit'] (@SendsTo), Pub/Sub topics of the"
                + " deployment's project, but ANYFN_GCP_PROJECT is not set (nor"
                + " GOOGLE_CLOUD_PROJECT). Redeploy with the generated target/anyfn/gcp/deploy.sh,"
                + " which sets it, or add --set-env-vars ANYFN_GCP_PROJECT=<project id>.");
  }

  @Test
  void aMissingProjectOfAFunctionThatAlsoPublishesNamesItsTopicsToo() {
    GcpSettings settings = GcpSettings.from(Map.of(GcpSettings.FUNCTION, "gcp-sending"));

    assertThatThrownBy(
            () ->
                PubSubSender.forDeployment(
                    settings, List.of("orders"), List.of("order-events"), google.apis()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith(
            "Function 'gcp-sending' sends to ['orders'] and publishes to ['order-events']"
                + " (@SendsTo), Pub/Sub topics of the deployment's project, but ANYFN_GCP_PROJECT"
                + " is not set");
  }

  // ---- topics: the same Pub/Sub topics, named alike ---------------------------------------------

  @Test
  void topicMessagesArePublishedAsBase64ToThePrefixedTopicOfTheOnTopicTriggerWithTheToken()
      throws Exception {
    sender.publish("order-events", List.of("{\"id\":\"o-1\"}", "naïve ✓"));

    FakeGoogleApis.Request publish = google.publishRequests.get(0);
    assertThat(publish.method()).isEqualTo("POST");
    assertThat(publish.path())
        .isEqualTo("/v1/projects/demo-project/topics/dev-order-events:publish");
    assertThat(publish.header("Authorization")).isEqualTo("Bearer token-1");
    assertThat(publish.body())
        .isEqualTo(
            "{\"messages\":[{\"data\":\"eyJpZCI6Im8tMSJ9\"},{\"data\":\"bmHDr3ZlIOKckw==\"}]}");
    GcpDeployment reader =
        GcpDeploymentPlan.of(
                new FunctionIndex(
                    1,
                    List.of(
                        new FunctionSpec(
                            "reader",
                            "x.Reader",
                            512,
                            30,
                            10,
                            List.of(),
                            List.of(),
                            List.of(
                                new HandlerSpec(
                                    "h",
                                    List.of(),
                                    "void",
                                    HandlerSpec.ReturnKind.VOID,
                                    new TriggerSpec.Topic("order-events"),
                                    List.of()))))))
            .deployments()
            .get(0);
    // the deployment of @OnTopic("order-events") in the same stage is triggered by that topic
    assertThat(reader.triggerFlags())
        .containsExactly("--trigger-topic=" + GcpDeploymentPlan.NAME_PREFIX + "order-events");
  }

  @Test
  void topicAndQueueMessagesShareOneTokenAndTheRequestLimits() throws Exception {
    List<String> messages = IntStream.range(0, 1500).mapToObj(i -> "e" + i).toList();

    sender.send("orders", List.of("a"));
    sender.publish("order-events", messages);

    assertThat(google.tokenRequests).hasSize(1);
    assertThat(google.publishRequests)
        .extracting(r -> r.messages().size())
        .containsExactly(1, 1000, 500);
    assertThat(google.published("projects/demo-project/topics/dev-order-events"))
        .isEqualTo(messages);
  }

  @Test
  void theLargestTopicMessageIsTheLargestOneRestRequestCarriesAndALargerOneIsRefusedAsATopics() {
    assertThat(sender.maxTopicMessageBytes()).isEqualTo(7_864_299);

    assertThatThrownBy(() -> sender.publish("order-events", List.of("x".repeat(7_864_300))))
        .isInstanceOf(PublishFailedException.class)
        .hasMessage(
            "A message to topic 'order-events' has 7864300 bytes; Pub/Sub's REST API, which"
                + " anyfn publishes with, takes at most 7864299 (its base64 must fit a 10 MiB"
                + " request), so none of the 1 messages to topic"
                + " projects/demo-project/topics/dev-order-events was sent. Send a reference to"
                + " the data (a storage object's name, say) instead.");
    assertThat(google.publishRequests).isEmpty();
  }

  @Test
  void aRefusedPublishToATopicNamesThePubSubTopicAndGooglesWords() {
    google.publishStatus = 403;
    google.publishError = FORBIDDEN;

    assertThatThrownBy(() -> sender.publish("order-events", List.of("a")))
        .isInstanceOf(PublishFailedException.class)
        .hasMessageStartingWith(
            "Pub/Sub refused to publish 1 message to topic"
                + " projects/demo-project/topics/dev-order-events: 403 PERMISSION_DENIED: User not"
                + " authorized to perform this action. Grant the function's runtime service"
                + " account roles/pubsub.publisher on the topic");
  }

  @Test
  void withPubSubEmulatorHostSetMessagesGoToThatEmulatorWithoutAToken() throws Exception {
    GoogleApis emulator = GoogleApis.from(Map.of("PUBSUB_EMULATOR_HOST", google.pubSubHost()));
    PubSubSender local = new PubSubSender("demo-project", ResourceNames.NONE, emulator);

    local.send("orders", List.of("a"));

    assertThat(google.published("projects/demo-project/topics/orders")).containsExactly("a");
    assertThat(google.publishRequests.get(0).header("Authorization")).isNull();
    assertThat(google.tokenRequests).isEmpty();
  }

  @Test
  void withoutPubSubEmulatorHostGooglesEndpointsAreUsedAndABadOneIsRefusedSayingTheForm() {
    assertThat(GoogleApis.from(Map.of())).isEqualTo(GoogleApis.PRODUCTION);
    assertThat(GoogleApis.from(Map.of("PUBSUB_EMULATOR_HOST", "localhost:8085")))
        .satisfies(
            apis -> {
              assertThat(apis.pubSub()).hasToString("http://localhost:8085/");
              assertThat(apis.anonymous()).isTrue();
            });
    assertThatThrownBy(() -> GoogleApis.from(Map.of("PUBSUB_EMULATOR_HOST", "localhost/x")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "PUBSUB_EMULATOR_HOST is 'localhost/x'; expected host:port, e.g. localhost:8085.");
  }
}
