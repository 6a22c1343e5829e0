package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On Google a queue and a topic of one name would be one Pub/Sub topic, mixing their deliveries, so
 * packaging refuses them, naming every use.
 */
class QueueTopicClashesTest {
  private static FunctionSpec function(
      String name, int maxInstances, List<String> queues, List<String> topics, TriggerSpec... on) {
    List<HandlerSpec> handlers = TestIndexes.handlers(on);
    return new FunctionSpec(
        name,
        "x." + name,
        512,
        30,
        maxInstances,
        List.of(),
        List.of(),
        handlers,
        null,
        queues,
        topics);
  }

  private static FunctionSpec reading(String name, TriggerSpec... on) {
    return function(name, 10, List.of(), List.of(), on);
  }

  private static List<String> problems(FunctionSpec... functions) {
    return new GcpPackager().portabilityProblems(new FunctionIndex(1, List.of(functions)));
  }

  private static final TriggerSpec HTTP = new TriggerSpec.Http("POST", "/");

  @Test
  void aQueueReadByTwoFunctionsIsRefusedAsEachWouldGetEveryMessageOnGoogle() {
    assertThat(
            problems(
                reading("picker", new TriggerSpec.Queue("orders", 10)),
                reading("packer", new TriggerSpec.Queue("orders", 10)),
                reading("alone", new TriggerSpec.Queue("returns", 10))))
        .containsExactly(
            "Queue 'orders' is read by functions 'picker', 'packer'. On Google a queue is a"
                + " Pub/Sub topic and each function's trigger a subscription of its own, so every"
                + " one of them would get every message, where AWS, Azure and the emulator give"
                + " each message to one. Read the queue in one function, or publish to a topic"
                + " (@OnTopic) if each should get every message.");
  }

  @Test
  void aTopicPublishedToAndAQueueReadUnderTheSameNameAreRefusedNamingEachUse() {
    assertThat(
            problems(
                function("api", 10, List.of(), List.of("orders"), HTTP),
                reading("worker", new TriggerSpec.Queue("orders", 10))))
        .containsExactly(
            "Queue 'orders' (@OnQueue of function 'worker') and topic 'orders' (@SendsTo of"
                + " function 'api') would be one Pub/Sub topic on Google, which names queues and"
                + " topics alike, so each would receive the other's messages. Rename the queue or"
                + " the topic so that their names differ.");
  }

  @Test
  void anOnQueueAndAnOnTopicOfTheSameNameAreRefused() {
    assertThat(
            problems(
                reading("worker", new TriggerSpec.Queue("jobs", 10)),
                reading("watcher", new TriggerSpec.Topic("jobs"))))
        .singleElement()
        .asString()
        .startsWith(
            "Queue 'jobs' (@OnQueue of function 'worker') and topic 'jobs' (@OnTopic of function"
                + " 'watcher') would be one Pub/Sub topic on Google");
  }

  @Test
  void oneFunctionSendingToAQueueAndPublishingToATopicOfTheSameNameIsRefused() {
    assertThat(problems(function("api", 10, List.of("news"), List.of("news"), HTTP)))
        .singleElement()
        .asString()
        .startsWith(
            "Queue 'news' (@SendsTo of function 'api') and topic 'news' (@SendsTo of function"
                + " 'api') would be one Pub/Sub topic on Google");
  }

  @Test
  void aTopicNamedAsTheDeadLettersOfAQueueIsRefused() {
    assertThat(
            problems(
                reading("worker", new TriggerSpec.Queue("orders", 10)),
                function("api", 10, List.of(), List.of("orders-poison"), HTTP)))
        .singleElement()
        .asString()
        .startsWith(
            "Queue 'orders-poison' (the dead letters of @OnQueue(\"orders\") of function"
                + " 'worker') and topic 'orders-poison' (@SendsTo of function 'api')");
  }

  @Test
  void queuesAndTopicsOfDifferentNamesOrOfADisabledFunctionAreNotRefused() {
    assertThat(
            problems(
                function("api", 10, List.of("orders"), List.of("order-events"), HTTP),
                reading("worker", new TriggerSpec.Queue("orders", 10)),
                reading("watcher", new TriggerSpec.Topic("order-events")),
                function("off", 0, List.of(), List.of("orders"), HTTP)))
        .isEmpty();
  }
}
