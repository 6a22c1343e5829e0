package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.ConfigurationException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code context.send} through the entry points Google's invoker creates: what a handler sends
 * reaches Pub/Sub once it returned, on the stage's topics, and nothing when it threw.
 */
class SendingEntryPointTest {
  private static final String ORDERS = "projects/demo-project/topics/dev-orders";
  private static final String AUDIT = "projects/demo-project/topics/dev-audit";
  private static final Map<String, String> ENV =
      Map.of(
          GcpSettings.FUNCTION,
          "gcp-sending",
          "ANYFN_GCP_PROJECT",
          "demo-project",
          "ANYFN_NAME_PREFIX",
          "dev-");

  private final FakeGoogleApis google = new FakeGoogleApis();

  SendingEntryPointTest() throws Exception {}

  @AfterEach
  void stop() {
    google.close();
  }

  private FakeGoogleHttp.Response post(String json) throws Exception {
    FakeGoogleHttp.Response response = new FakeGoogleHttp.Response();
    new HttpEntryPoint(ENV, google.apis())
        .service(
            new FakeGoogleHttp.Request(
                "POST",
                "/sending/orders",
                Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8)),
            response);
    return response;
  }

  private static CloudEvent published(String text) {
    String data =
        "{\"message\":{\"data\":\""
            + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
            + "\",\"messageId\":\"m-1\",\"publishTime\":\"2026-11-27T10:00:00Z\"},"
            + "\"subscription\":\"projects/demo-project/subscriptions/s\"}";
    return CloudEventBuilder.v1()
        .withId("e-1")
        .withType(PubSubTranslator.MESSAGE_PUBLISHED)
        .withSource(
            URI.create("//pubsub.googleapis.com/projects/demo-project/topics/dev-sending-in"))
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private EventEntryPoint topicEntry() {
    Map<String, String> env = new java.util.HashMap<>(ENV);
    env.put(GcpSettings.TRIGGER, "TOPIC sending-in");
    return new EventEntryPoint(env, google.apis());
  }

  @Test
  void whatAnHttpHandlerSendsIsPublishedToTheStagesTopicsAfterItReturned() throws Exception {
    FakeGoogleHttp.Response r = post("{\"id\":\"o-1\",\"quantity\":2}");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("queued");
    assertThat(google.published(ORDERS)).containsExactly("{\"id\":\"o-1\",\"quantity\":2}");
    assertThat(google.published(AUDIT)).containsExactly("order o-1 ✓");
    assertThat(google.publishRequests)
        .allSatisfy(p -> assertThat(p.header("Authorization")).isEqualTo("Bearer token-1"));
  }

  @Test
  void anHttpHandlerThatThrowsSendsNothingNowOrWithTheNextCall() throws Exception {
    FakeGoogleHttp.Response r = post("{\"id\":\"o-1\",\"quantity\":0}");

    assertThat(r.status).isEqualTo(500);
    assertThat(google.publishRequests).isEmpty();
    assertThat(google.tokenRequests).isEmpty();

    assertThat(post("{\"id\":\"o-2\",\"quantity\":1}").status).isEqualTo(200);
    assertThat(google.published(ORDERS)).containsExactly("{\"id\":\"o-2\",\"quantity\":1}");
    assertThat(google.published(AUDIT)).containsExactly("order o-2 ✓");
  }

  @Test
  void aRefusalFromPubSubMakesTheHttpCallA500() throws Exception {
    google.publishStatus = 403;
    google.publishError = "{\"error\":{\"code\":403,\"message\":\"denied\"}}";

    FakeGoogleHttp.Response r = post("{\"id\":\"o-1\",\"quantity\":2}");

    assertThat(google.publishRequests).hasSize(1);
    assertThat(r.status).isEqualTo(500);
    assertThat(r.bodyText()).doesNotContain("denied").doesNotContain("token-1");
  }

  @Test
  void whatAnEventHandlerSendsIsPublishedAndARefusalFailsTheEvent() throws Exception {
    EventEntryPoint entry = topicEntry();

    entry.accept(published("p-1"));

    assertThat(google.publishRequests).singleElement();
    assertThat(google.published(AUDIT)).containsExactly("relayed p-1");

    google.publishStatus = 403;
    google.publishError = "{\"error\":{\"code\":403,\"message\":\"denied\"}}";
    assertThatThrownBy(() -> entry.accept(published("p-2")))
        .isInstanceOf(EventFailedException.class)
        .hasMessageContaining("failed on event m-1");
  }

  @Test
  void anEventHandlerThatThrowsSendsNothingNowOrWithTheNextEvent() throws Exception {
    EventEntryPoint entry = topicEntry();

    assertThatThrownBy(() -> entry.accept(published("fail")))
        .isInstanceOf(EventFailedException.class);
    assertThat(google.publishRequests).isEmpty();

    entry.accept(published("p-3"));
    assertThat(google.published(AUDIT)).containsExactly("relayed p-3");
  }

  @Test
  void aSendingFunctionDeployedWithoutItsProjectDoesNotStart() {
    assertThatThrownBy(
            () -> new HttpEntryPoint(Map.of(GcpSettings.FUNCTION, "gcp-sending"), google.apis()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("ANYFN_GCP_PROJECT is not set");
  }
}
