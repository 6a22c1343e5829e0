package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.gcp.fixtures.TwinsFunction;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each deployment serves one trigger (its {@code ANYFN_TRIGGER}): its handler runs even when the
 * function has others of that kind, and a queue's messages carry the name the handler declared, not
 * the stage's Pub/Sub topic.
 */
class SeveralTriggersOfOneKindTest {
  @BeforeEach
  void clear() {
    TwinsFunction.seen.clear();
  }

  private static EventEntryPoint deployment(String trigger) {
    Map<String, String> env = new HashMap<>();
    env.put(GcpSettings.FUNCTION, "gcp-twins");
    env.put(GcpSettings.TRIGGER, trigger);
    env.put("ANYFN_NAME_PREFIX", "dev-");
    return new EventEntryPoint(env);
  }

  private static CloudEvent published(String topic, String text) {
    String data =
        "{\"message\":{\"data\":\""
            + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
            + "\",\"messageId\":\"m-1\",\"publishTime\":\"2026-11-28T03:00:00Z\"},"
            + "\"subscription\":\"projects/p/subscriptions/s\"}";
    return CloudEventBuilder.v1()
        .withId("e-1")
        .withType(PubSubTranslator.MESSAGE_PUBLISHED)
        .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/" + topic))
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void eachScheduleDeploymentRunsItsOwnHandler() throws Exception {
    deployment("SCHEDULE cron '0 3 * * *' UTC")
        .accept(published("dev-anyfn-gcp-twins-schedule-2", "{}"));
    deployment("SCHEDULE rate 5m").accept(published("dev-anyfn-gcp-twins-schedule-1", "{}"));

    assertThat(TwinsFunction.seen).containsExactly("nightly", "often");
  }

  @Test
  void aQueueMessageCarriesTheQueueNameTheHandlerDeclaredWithoutTheStagePrefix() throws Exception {
    deployment("QUEUE jobs").accept(published("dev-jobs", "wash"));

    assertThat(TwinsFunction.seen).containsExactly("queue jobs: wash");
  }
}
