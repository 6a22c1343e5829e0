package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The queues of {@code @SendsTo} become the queues of output bindings, so a name Azure refuses is a
 * packaging problem, by the rule of the queue flavour the build chose, as for {@code @OnQueue}; its
 * topics become Service Bus topics of output bindings, checked as for {@code @OnTopic}.
 */
class AzurePackagerSendsToTest {
  private static final Map<String, String> STORAGE = Map.of();
  private static final Map<String, String> SERVICE_BUS = Map.of("ANYFN_AZURE_QUEUE", "servicebus");

  private static List<String> problems(Map<String, String> env, String... queues) {
    return problems(env, List.of(queues), List.of());
  }

  private static List<String> topicProblems(Map<String, String> env, String... topics) {
    return problems(env, List.of(), List.of(topics));
  }

  private static List<String> problems(
      Map<String, String> env, List<String> queues, List<String> topics) {
    HandlerSpec handler =
        new HandlerSpec(
            "run",
            List.of(),
            "void",
            HandlerSpec.ReturnKind.VOID,
            new TriggerSpec.Http("POST", "/orders"),
            List.of());
    FunctionSpec function =
        new FunctionSpec(
            "api",
            "a.Api",
            512,
            30,
            1,
            List.of(),
            List.of(),
            List.of(handler),
            null,
            queues,
            topics);
    return new AzurePackager(env).portabilityProblems(new FunctionIndex(1, List.of(function)));
  }

  @Test
  void aStorageQueueNameAzureRefusesIsAPackagingProblemToldToRenameItInSendsTo() {
    assertThat(problems(STORAGE, "orders", "Audit", "audit-log", "q".repeat(63)))
        .containsExactly(
            "Function 'api' (@SendsTo) sends to queue 'Audit', which is not a valid Azure Storage"
                + " queue name: Azure takes 3-63 lowercase letters, digits and single hyphens,"
                + " starting and ending with a letter or digit. Rename it in @SendsTo (and in the"
                + " @OnQueue that reads it). A Service Bus queue may have this name: build with"
                + " ANYFN_AZURE_QUEUE=servicebus to send to one.");
  }

  @Test
  void aNameNoQueueOfEitherFlavourTakesIsNotToldToSwitchFlavour() {
    assertThat(problems(STORAGE, "orders:eu"))
        .singleElement()
        .asString()
        .contains("queue 'orders:eu', which is not a valid Azure Storage queue name")
        .endsWith("Rename it in @SendsTo (and in the @OnQueue that reads it).");
  }

  @Test
  void aStorageQueueNameOutsideThreeTo63CharactersIsAPackagingProblemNamingTheLength() {
    assertThat(problems(STORAGE, "ab", "q".repeat(64)))
        .satisfiesExactly(
            p -> assertThat(p).contains("queue 'ab' (2 characters), which is not a valid"),
            p -> assertThat(p).contains("(64 characters), which is not a valid"));
  }

  @Test
  void withServiceBusQueuesTheServiceBusRuleApplies() {
    assertThat(problems(SERVICE_BUS, "Audit", "orders.eu/v1_high--prio")).isEmpty();
    assertThat(problems(SERVICE_BUS, "orders:eu"))
        .containsExactly(
            "Function 'api' (@SendsTo) sends to queue 'orders:eu', which is not a valid Azure"
                + " Service Bus queue name: Azure takes 1-260 letters, digits, periods, hyphens,"
                + " underscores and forward slashes, starting and ending with a letter or digit."
                + " Rename it in @SendsTo (and in the @OnQueue that reads it).");
  }

  @Test
  void aTopicNameServiceBusRefusesIsAPackagingProblemToldToRenameItInSendsTo() {
    assertThat(topicProblems(STORAGE, "order-events", "orders:eu", "Order.Events/v1_high"))
        .containsExactly(
            "Function 'api' (@SendsTo) publishes to topic 'orders:eu', which is not a valid Azure"
                + " Service Bus topic name: Azure takes 1-260 letters, digits, periods, hyphens,"
                + " underscores and forward slashes, starting and ending with a letter or digit."
                + " Rename it in @SendsTo (and in the @OnTopic that reads it).");
  }

  @Test
  void aTopicNameIsCheckedByTheServiceBusRuleWhateverTheQueueFlavour() {
    for (Map<String, String> env : List.of(STORAGE, SERVICE_BUS)) {
      assertThat(topicProblems(env, "Audit_Log")).as("%s", env).isEmpty();
      assertThat(topicProblems(env, "t".repeat(261)))
          .as("%s", env)
          .singleElement()
          .asString()
          .contains("(261 characters), which is not a valid Azure Service Bus topic name");
    }
  }

  @Test
  void aTopicNameIsCheckedEvenWhenTheQueueFlavourVariableIsWrong() {
    assertThat(topicProblems(Map.of("ANYFN_AZURE_QUEUE", "kafka"), "-events"))
        .hasSize(2)
        .anySatisfy(p -> assertThat(p).startsWith("ANYFN_AZURE_QUEUE is 'kafka'"))
        .anySatisfy(p -> assertThat(p).contains("publishes to topic '-events', which is not"));
  }
}
