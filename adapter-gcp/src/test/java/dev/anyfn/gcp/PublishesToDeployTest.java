package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What deploy.sh does for a function whose {@code @SendsTo} names topics (fixture {@code
 * gcp-publishing}, publishing to {@code order-events} and {@code order-audit}, no queue, and
 * reading {@code order-events}): creates their Pub/Sub topics before any deployment, tells each of
 * the function's deployments its project and lets each publish to them; and what packaging refuses.
 */
class PublishesToDeployTest {
  @TempDir static Path dir;
  private static ScriptedDeployments script;
  private static ScriptedDeployments dev;

  @BeforeAll
  static void deploy() throws Exception {
    script =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(),
            Files.createDirectories(dir.resolve("plain")),
            Map.of());
    dev =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(),
            Files.createDirectories(dir.resolve("dev")),
            Map.of(),
            Map.of("PREFIX", "dev-"));
  }

  private static List<String> createTopic(String topic) {
    return List.of("pubsub", "topics", "create", topic, "--project", "demo-project");
  }

  private static List<String> describeTopic(String topic) {
    return List.of("pubsub", "topics", "describe", topic, "--project", "demo-project");
  }

  private static int firstDeploy(List<List<String>> calls) {
    return calls.indexOf(
        calls.stream()
            .filter(c -> c.get(0).equals("functions") && c.get(1).equals("deploy"))
            .findFirst()
            .orElseThrow());
  }

  @Test
  void everyDeploymentOfAFunctionThatOnlyPublishesIsToldTheProject() {
    assertThat(script.deploy("gcp-publishing").environment())
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "gcp-publishing"),
            Map.entry("ANYFN_GCP_PROJECT", "demo-project"));
    assertThat(script.deploy("gcp-publishing-topic-order-events").environment())
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "gcp-publishing"),
            Map.entry("ANYFN_TRIGGER", "TOPIC order-events"),
            Map.entry("ANYFN_GCP_PROJECT", "demo-project"));
    assertThat(dev.deploy("dev-gcp-publishing").environment())
        .containsEntry("ANYFN_GCP_PROJECT", "demo-project")
        .containsEntry("ANYFN_NAME_PREFIX", "dev-");
  }

  @Test
  void theTopicOfEachPublishedTopicIsCreatedUnlessItExistsBeforeAnyDeployment() {
    List<List<String>> calls = script.calls();

    assertThat(calls.subList(0, firstDeploy(calls)))
        .containsSubsequence(
            describeTopic("order-events"),
            createTopic("order-events"),
            describeTopic("order-audit"),
            createTopic("order-audit"));
    assertThat(calls).filteredOn(c -> c.equals(createTopic("order-events"))).hasSize(1);
  }

  @Test
  void thePublishedTopicsCarryTheStagesPrefixLikeTheTriggerOfTheirOnTopicDeployment() {
    List<List<String>> calls = dev.calls();

    assertThat(calls.subList(0, firstDeploy(calls)))
        .contains(createTopic("dev-order-events"), createTopic("dev-order-audit"));
    assertThat(calls).doesNotContain(createTopic("order-events"), createTopic("order-audit"));
    assertThat(dev.deploy("dev-gcp-publishing-topic-order-events").flag("--trigger-topic"))
        .contains("dev-order-events");
  }

  @Test
  void eachDeploymentOfAPublishingFunctionMayPublishToItsTopicsAsItsOwnServiceAccount() {
    String http = "serviceAccount:gcp-publishing@demo.iam.gserviceaccount.com";
    String reader = "serviceAccount:gcp-publishing-topic-order-events@demo.iam.gserviceaccount.com";

    assertThat(publisherBindings(script, "gcp-publishing"))
        .containsExactly(
            List.of("order-events", http),
            List.of("order-audit", http),
            List.of("order-events", reader),
            List.of("order-audit", reader));
    assertThat(publisherBindings(dev, "dev-gcp-publishing"))
        .extracting(b -> b.get(0))
        .containsOnly("dev-order-events", "dev-order-audit")
        .hasSize(4);
  }

  /** Each publisher grant on a topic to the account of a deployment named from {@code function}. */
  private static List<List<String>> publisherBindings(ScriptedDeployments run, String function) {
    return run.calls().stream()
        .filter(
            c ->
                c.size() > 3
                    && c.subList(0, 3)
                        .equals(List.of("pubsub", "topics", "add-iam-policy-binding")))
        .filter(c -> c.contains("roles/pubsub.publisher"))
        .filter(c -> c.get(c.indexOf("--member") + 1).startsWith("serviceAccount:" + function))
        .map(c -> List.of(c.get(3), c.get(c.indexOf("--member") + 1)))
        .toList();
  }

  // ---- packaging --------------------------------------------------------------------------------

  private static FunctionIndex publishing(String... topics) {
    HandlerSpec h =
        new HandlerSpec(
            "h",
            List.of(),
            "void",
            HandlerSpec.ReturnKind.VOID,
            new TriggerSpec.Http("POST", "/"),
            List.of());
    return new FunctionIndex(
        1,
        List.of(
            new FunctionSpec(
                "api",
                "x.Api",
                512,
                30,
                10,
                List.of(),
                List.of(),
                List.of(h),
                null,
                List.of(),
                List.of(topics))));
  }

  @Test
  void aPublishedTopicThatIsNotAPubSubTopicIdIsAPackagingProblemNamingSendsTo() {
    assertThat(new GcpPackager().portabilityProblems(publishing("order-events", "goog-Events!")))
        .containsExactly(
            "Function 'api': topic 'goog-Events!' is not a valid Pub/Sub topic ID: it contains"
                + " '!'; Google allows only letters, digits, '-', '.', '_', '~', '%' and '+'; it"
                + " starts with 'goog', which Google reserves. Rename it in @SendsTo.");
    assertThat(new GcpPackager().portabilityProblems(publishing("order-events"))).isEmpty();
  }

  @Test
  void theLongestPrefixAllowedKeepsEveryPublishedTopicWithinTwoHundredFiftyFiveCharacters() {
    GcpDeploymentPlan plan = GcpDeploymentPlan.of(publishing("t".repeat(250)));

    assertThat(DeployScript.prefixRoom(plan)).isEqualTo(5);
  }

  @Test
  void aPublishingFunctionsEnvironmentIsNeverSplitOnAColonWhichAProjectIdMayHold() {
    Map<String, String> env = Map.of("V", "a,b@c|d~e#f;g");
    GcpDeployment publisher = GcpDeploymentPlan.of(publishing("news")).deployments().get(0);

    assertThatThrownBy(() -> DeployScript.envVars(publisher, env))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "The environment of function 'api' uses every delimiter gcloud could split it on (,"
                + " @ | ~ # ;); remove one.");
  }
}
