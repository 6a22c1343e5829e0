package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.anyfn.core.ResourceNames;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.util.List;

/**
 * Fuzzes the payloads of the CloudEvents Google delivers: Pub/Sub messages (JSON), Cloud Storage
 * objects (JSON) and Firestore documents (protobuf), each through its translator. An event is
 * translated or refused with a {@link MalformedEventException} that says why, which the entry point
 * logs and answers 500 (a queue's message then reaches its dead-letter topic); never another
 * exception. Under {@code mvn test} these run the saved inputs in {@code
 * src/test/resources/dev/anyfn/gcp/CloudEventFuzzTestInputs}; {@code fuzz/run.sh} fuzzes them.
 */
class CloudEventFuzzTest {
  private static final List<EventTranslator> TRANSLATORS =
      List.of(
          new PubSubTranslator(PubSubTranslator.Target.QUEUE, "orders"),
          new PubSubTranslator(PubSubTranslator.Target.TOPIC, "alerts"),
          new PubSubTranslator(PubSubTranslator.Target.SCHEDULE, "nightly"),
          new StorageTranslator(ResourceNames.NONE),
          new FirestoreTranslator(ResourceNames.NONE));

  private static final String[] CONTENT_TYPES = {
    "application/json", "application/protobuf", "text/plain", null
  };

  @FuzzTest(maxDuration = "60s")
  void anyPayloadIsTranslatedOrRefusedAsMalformed(FuzzedDataProvider data) {
    EventTranslator translator = TRANSLATORS.get(data.consumeInt(0, TRANSLATORS.size() - 1));
    List<String> types = translator.types().stream().sorted().toList();
    String type = types.get(data.consumeInt(0, types.size() - 1));
    String contentType = CONTENT_TYPES[data.consumeInt(0, CONTENT_TYPES.length - 1)];
    CloudEvent event =
        CloudEventBuilder.v1()
            .withId("e-1")
            .withType(type)
            .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/orders"))
            .withSubject("documents/users/u9")
            .withDataContentType(contentType)
            .withData(data.consumeRemainingAsBytes())
            .build();
    try {
      assertThat(translator.translate(event)).isNotNull();
    } catch (MalformedEventException e) {
      assertThat(e.getMessage()).isNotBlank();
    }
  }
}
