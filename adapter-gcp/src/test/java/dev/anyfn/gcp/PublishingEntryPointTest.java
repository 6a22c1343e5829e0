package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.ConfigurationException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code context.publish} through the entry points Google's invoker creates, each with the
 * environment the generated deploy.sh gives its deployment in stage {@code dev-} (fixture {@code
 * gcp-publishing}, which publishes to {@code order-events} and {@code order-audit} and reads {@code
 * order-events}): what a handler publishes reaches the Pub/Sub topic that the topic's
 * {@code @OnTopic} deployments are triggered by, once it returned, and nothing when it threw.
 */
class PublishingEntryPointTest {
  private static final String EVENTS = "projects/demo-project/topics/dev-order-events";
  private static final String AUDIT = "projects/demo-project/topics/dev-order-audit";

  @TempDir static Path dir;
  private static ScriptedDeployments dev;

  private final FakeGoogleApis google = new FakeGoogleApis();

  PublishingEntryPointTest() throws Exception {}

  @BeforeAll
  static void deploy() throws Exception {
    dev =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(), dir, Map.of(), Map.of("PREFIX", "dev-"));
  }

  @AfterEach
  void stop() {
    google.close();
  }

  private FakeGoogleHttp.Response post(String json) throws Exception {
    FakeGoogleHttp.Response response = new FakeGoogleHttp.Response();
    new HttpEntryPoint(dev.deploy("dev-gcp-publishing").environment(), google.apis())
        .service(
            new FakeGoogleHttp.Request(
                "POST",
                "/publishing/orders",
                Map.of("Content-Type", List.of("application/json")),
                json.getBytes(StandardCharsets.UTF_8)),
            response);
    return response;
  }

  private static EventEntryPoint topicEntry(FakeGoogleApis google) {
    return new EventEntryPoint(
        dev.deploy("dev-gcp-publishing-topic-order-events").environment(), google.apis());
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
        .withSource(URI.create("//pubsub.googleapis.com/" + EVENTS))
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void whatAnHttpHandlerPublishesGoesToTheTopicItsOnTopicDeploymentIsTriggeredBy()
      throws Exception {
    FakeGoogleHttp.Response r = post("{\"id\":\"o-1\",\"quantity\":2}");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("published");
    String trigger =
        dev.deploy("dev-gcp-publishing-topic-order-events").flag("--trigger-topic").orElseThrow();
    assertThat(trigger).isEqualTo("dev-order-events");
    assertThat(google.published("projects/demo-project/topics/" + trigger))
        .containsExactly("{\"id\":\"o-1\",\"quantity\":2}");
    assertThat(google.published(AUDIT)).containsExactly("order o-1 ✓");
    assertThat(google.publishRequests)
        .allSatisfy(p -> assertThat(p.header("Authorization")).isEqualTo("Bearer token-1"));
  }

  @Test
  void anHttpHandlerThatThrowsPublishesNothingNowOrWithTheNextCall() throws Exception {
    FakeGoogleHttp.Response r = post("{\"id\":\"o-1\",\"quantity\":0}");

    assertThat(r.status).isEqualTo(500);
    assertThat(google.publishRequests).isEmpty();
    assertThat(google.tokenRequests).isEmpty();

    assertThat(post("{\"id\":\"o-2\",\"quantity\":1}").status).isEqualTo(200);
    assertThat(google.published(EVENTS)).containsExactly("{\"id\":\"o-2\",\"quantity\":1}");
    assertThat(google.published(AUDIT)).containsExactly("order o-2 ✓");
  }

  @Test
  void aRefusedPublishMakesTheHttpCallA500WithoutGooglesWords() throws Exception {
    google.publishStatus = 404;
    google.publishError = "{\"error\":{\"code\":404,\"message\":\"Resource not found\"}}";

    FakeGoogleHttp.Response r = post("{\"id\":\"o-1\",\"quantity\":2}");

    assertThat(google.publishRequests).hasSize(1);
    assertThat(r.status).isEqualTo(500);
    assertThat(r.bodyText()).doesNotContain("Resource not found").doesNotContain("token-1");
  }

  @Test
  void whatAnOnTopicHandlerPublishesGoesOutAndNothingWhenItThrows() throws Exception {
    EventEntryPoint entry = topicEntry(google);

    assertThatThrownBy(() -> entry.accept(published("fail")))
        .isInstanceOf(EventFailedException.class);
    assertThat(google.publishRequests).isEmpty();

    entry.accept(published("p-1"));
    assertThat(google.published(AUDIT)).containsExactly("seen p-1");
    assertThat(google.publishRequests).singleElement();
  }

  @Test
  void aPublishingFunctionDeployedWithoutItsProjectDoesNotStartAndSaysWhichVariableToSet() {
    assertThatThrownBy(
            () -> new HttpEntryPoint(Map.of(GcpSettings.FUNCTION, "gcp-publishing"), google.apis()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function 'gcp-publishing' publishes to ['order-events', 'order-audit'] (@SendsTo),"
                + " Pub/Sub topics of the deployment's project, but ANYFN_GCP_PROJECT is not set"
                + " (nor GOOGLE_CLOUD_PROJECT). Redeploy with the generated"
                + " target/anyfn/gcp/deploy.sh, which sets it, or add --set-env-vars"
                + " ANYFN_GCP_PROJECT=<project id>.");
  }
}
