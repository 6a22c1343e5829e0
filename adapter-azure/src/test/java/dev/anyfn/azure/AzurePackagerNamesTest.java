package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resource names in annotations that Azure refuses are packaging problems. */
class AzurePackagerNamesTest {
  private static final Map<String, String> STORAGE = Map.of();
  private static final Map<String, String> SERVICE_BUS = Map.of("ANYFN_AZURE_QUEUE", "servicebus");

  private static FunctionIndex index(String function, TriggerSpec... triggers) {
    List<HandlerSpec> handlers =
        Arrays.stream(triggers)
            .map(
                t ->
                    new HandlerSpec(
                        "run", List.of(), "void", HandlerSpec.ReturnKind.VOID, t, List.of()))
            .toList();
    return new FunctionIndex(
        1, List.of(new FunctionSpec(function, "a.B", 512, 30, 1, List.of(), List.of(), handlers)));
  }

  private static List<String> problems(Map<String, String> env, TriggerSpec... triggers) {
    return problems(env, "fn", triggers);
  }

  private static List<String> problems(
      Map<String, String> env, String function, TriggerSpec... triggers) {
    return new AzurePackager(env).portabilityProblems(index(function, triggers));
  }

  private static TriggerSpec queue(String name) {
    return new TriggerSpec.Queue(name, 10);
  }

  private static TriggerSpec topic(String name) {
    return new TriggerSpec.Topic(name);
  }

  private static TriggerSpec blob(String bucket) {
    return new TriggerSpec.Storage(bucket, List.of("CREATED"));
  }

  private static TriggerSpec table(String name) {
    return new TriggerSpec.DataChange(name, List.of("INSERT", "MODIFY"));
  }

  /** {@code prefix} followed by 'a's up to {@code length} characters. */
  private static String name(String prefix, int length) {
    return prefix + "a".repeat(length - prefix.length());
  }

  @Test
  void storageQueueWithUppercaseIsAPackagingProblem() {
    assertThat(problems(STORAGE, queue("Orders")))
        .containsExactly(
            "Function 'fn' (run, QUEUE Orders) reads queue 'Orders', which is not a valid Azure"
                + " Storage queue name: Azure takes 3-63 lowercase letters, digits and single"
                + " hyphens, starting and ending with a letter or digit. Rename it in @OnQueue. A"
                + " Service Bus queue may have this name: build with ANYFN_AZURE_QUEUE=servicebus"
                + " to read one.");
  }

  @Test
  void storageQueueWithConsecutiveHyphensPeriodsOrOuterHyphensIsAPackagingProblem() {
    for (String bad : List.of("order--events", "orders.eu", "-orders", "orders-")) {
      assertThat(problems(STORAGE, queue(bad)))
          .as(bad)
          .singleElement()
          .asString()
          .contains("queue '" + bad + "', which is not a valid Azure Storage queue name");
    }
  }

  @Test
  void storageQueueNotServiceBusValidIsNotToldToSwitchFlavour() {
    assertThat(problems(STORAGE, queue("orders:eu")))
        .singleElement()
        .asString()
        .endsWith("letter or digit. Rename it in @OnQueue.");
  }

  @Test
  void storageQueueOutsideThreeTo63CharactersIsAPackagingProblemNamingTheLength() {
    assertThat(problems(STORAGE, queue("ab")))
        .singleElement()
        .asString()
        .contains("queue 'ab' (2 characters), which is not a valid Azure Storage queue name");
    assertThat(problems(STORAGE, queue(name("q", 64))))
        .singleElement()
        .asString()
        .contains("(64 characters), which is not a valid Azure Storage queue name");
  }

  @Test
  void storageQueueOfThreeAnd63CharactersWithSingleHyphensIsNoProblem() {
    assertThat(
            problems(
                STORAGE, queue("abc"), queue("a-1"), queue("0rders-eu-2"), queue(name("q-", 56))))
        .isEmpty();
  }

  @Test
  void storageQueueTooLongForItsPoisonQueueIsAPackagingProblemSinceFailuresWouldBeLost() {
    String longest = name("q-", 63);
    assertThat(problems(STORAGE, queue(longest)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .contains("reads queue '" + longest + "' (63 characters), whose poison queue")
        .contains("the Functions host then has no poison queue")
        .contains("at most 56 characters");
    assertThat(problems(STORAGE, queue(name("q-", 57)))).hasSize(1);
    assertThat(problems(STORAGE, queue(name("q-", 56) + "-poison")))
        .as("a poison queue is read as one")
        .isEmpty();
    assertThat(problems(SERVICE_BUS, queue(longest)))
        .as("Service Bus dead-letters by itself")
        .isEmpty();
  }

  @Test
  void serviceBusQueueTakesWhatStorageRefuses() {
    assertThat(
            problems(
                SERVICE_BUS,
                queue("Orders"),
                queue("q"),
                queue("orders.eu/v1_high--prio"),
                queue(name("Q", 260))))
        .isEmpty();
  }

  @Test
  void serviceBusQueueWithAnInvalidCharacterOrOver260CharactersIsAPackagingProblem() {
    assertThat(problems(SERVICE_BUS, queue("orders:eu")))
        .containsExactly(
            "Function 'fn' (run, QUEUE orders:eu) reads queue 'orders:eu', which is not a valid"
                + " Azure Service Bus queue name: Azure takes 1-260 letters, digits, periods,"
                + " hyphens, underscores and forward slashes, starting and ending with a letter or"
                + " digit. Rename it in @OnQueue.");
    assertThat(problems(SERVICE_BUS, queue(name("q", 261)), queue("orders."), queue("_orders")))
        .hasSize(3);
  }

  @Test
  void unknownQueueFlavourIsAPackagingProblemAndQueueNamesAreNotGuessed() {
    assertThat(problems(Map.of("ANYFN_AZURE_QUEUE", "kafka"), queue("Orders")))
        .containsExactly(
            "ANYFN_AZURE_QUEUE is 'kafka'; expected 'storage' (Storage queues) or 'servicebus'"
                + " (Service Bus queues).");
  }

  @Test
  void topicWithAnInvalidCharacterOrOuterPeriodIsAPackagingProblem() {
    assertThat(problems(STORAGE, topic("prices:eu")))
        .containsExactly(
            "Function 'fn' (run, TOPIC prices:eu) reads topic 'prices:eu', which is not a valid"
                + " Azure Service Bus topic name: Azure takes 1-260 letters, digits, periods,"
                + " hyphens, underscores and forward slashes, starting and ending with a letter or"
                + " digit. Rename it in @OnTopic.");
    assertThat(problems(STORAGE, topic(".prices"))).hasSize(1);
    assertThat(problems(STORAGE, topic(name("t", 261))))
        .singleElement()
        .asString()
        .contains("(261 characters), which is not a valid Azure Service Bus topic name");
  }

  @Test
  void topicOfOneAnd260CharactersWithPeriodsSlashesAndUnderscoresIsNoProblem() {
    assertThat(problems(STORAGE, topic("t"), topic("Prices.EU/v1_x"), topic(name("T", 260))))
        .isEmpty();
  }

  @Test
  void topicTriggerOfAFunctionNamedOver50CharactersIsAPackagingProblem() {
    String function = name("f", 51);
    assertThat(problems(STORAGE, function, topic("prices")))
        .containsExactly(
            "Function '"
                + function
                + "' (run, TOPIC prices) subscribes to topic 'prices' as the subscription named"
                + " after the function, '"
                + function
                + "' (51 characters), which is not a valid Azure Service Bus subscription name:"
                + " Azure takes 1-50 letters, digits, periods, hyphens and underscores, starting"
                + " and ending with a letter or digit. Rename the function in @ServerlessFunction:"
                + " at most 50 characters, ending with a letter or digit.");
  }

  @Test
  void topicTriggerOfAFunctionNameEndingWithAHyphenIsAPackagingProblem() {
    assertThat(problems(STORAGE, "prices-", topic("prices")))
        .singleElement()
        .asString()
        .contains("'prices-', which is not a valid Azure Service Bus subscription name");
  }

  @Test
  void topicTriggerOfAFunctionNamedWith50CharactersIsNoProblem() {
    assertThat(problems(STORAGE, name("price-watcher-", 50), topic("prices"))).isEmpty();
  }

  @Test
  void functionNamedOver50CharactersWithoutTopicTriggerIsNoProblem() {
    assertThat(problems(STORAGE, name("f", 63), queue("orders"), blob("uploads"))).isEmpty();
  }

  @Test
  void blobContainerWithUppercaseIsAPackagingProblem() {
    assertThat(problems(STORAGE, blob("Uploads")))
        .containsExactly(
            "Function 'fn' (run, STORAGE Uploads [CREATED]) watches bucket 'Uploads', which is"
                + " not a valid Azure Blob container name: Azure takes 3-63 lowercase letters,"
                + " digits and single hyphens, starting and ending with a letter or digit. Rename"
                + " it in @OnStorage.");
  }

  @Test
  void blobContainerWithConsecutiveHyphensPeriodsOrOuterHyphensIsAPackagingProblem() {
    for (String bad : List.of("up--loads", "up.loads", "-uploads", "uploads-", "$web")) {
      assertThat(problems(STORAGE, blob(bad)))
          .as(bad)
          .singleElement()
          .asString()
          .contains("bucket '" + bad + "', which is not a valid Azure Blob container name");
    }
  }

  @Test
  void blobContainerOutsideThreeTo63CharactersIsAPackagingProblem() {
    assertThat(problems(STORAGE, blob("up"))).singleElement().asString().contains("(2 characters)");
    assertThat(problems(STORAGE, blob(name("b", 64))))
        .singleElement()
        .asString()
        .contains("(64 characters)");
  }

  @Test
  void blobContainerOfThreeAnd63CharactersWithSingleHyphensOrRootIsNoProblem() {
    assertThat(
            problems(STORAGE, blob("abc"), blob("up-loads-2"), blob(name("b-", 63)), blob("$root")))
        .isEmpty();
  }

  @Test
  void deletedBlobEventsThroughEventGridNeedAValidContainerNameToo() {
    assertThat(problems(STORAGE, new TriggerSpec.Storage("Uploads", List.of("DELETED"))))
        .singleElement()
        .asString()
        .contains("bucket 'Uploads', which is not a valid Azure Blob container name");
  }

  @Test
  void cosmosContainerWithSlashBackslashHashOrQuestionMarkIsAPackagingProblem() {
    assertThat(problems(STORAGE, table("orders/eu")))
        .containsExactly(
            "Function 'fn' (run, DATA_CHANGE orders/eu [INSERT, MODIFY]) watches table"
                + " 'orders/eu', which is not a valid Azure Cosmos DB container name: Azure takes"
                + " 1-255 characters without '/', '\\', '#' or '?', not ending with a space. Rename"
                + " it in @OnDataChange.");
    for (String bad : List.of("orders\\eu", "orders#1", "orders?")) {
      assertThat(problems(STORAGE, table(bad))).as(bad).hasSize(1);
    }
  }

  @Test
  void cosmosContainerEndingWithASpaceIsAPackagingProblem() {
    assertThat(problems(STORAGE, table("orders ")))
        .singleElement()
        .asString()
        .contains("table 'orders ', which is not a valid Azure Cosmos DB container name");
  }

  @Test
  void cosmosContainerOver255CharactersIsAPackagingProblem() {
    assertThat(problems(STORAGE, table(name("c", 256))))
        .singleElement()
        .asString()
        .contains("(256 characters), which is not a valid Azure Cosmos DB container name");
  }

  @Test
  void cosmosContainerOfOneAnd255CharactersWithCapitalsSpacesAndPunctuationIsNoProblem() {
    assertThat(
            problems(
                STORAGE,
                table("c"),
                table("Order Lines.v2_(eu)"),
                table(" leading"),
                table(name("C", 255))))
        .isEmpty();
  }
}
