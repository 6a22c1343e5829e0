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
 * What deploy.sh does for a function with {@code @SendsTo} (fixture {@code gcp-sending}, sending to
 * {@code orders} and {@code audit}): creates their topics before any deployment and tells each of
 * the function's deployments its project; and what packaging refuses.
 */
class SendsToDeployTest {
  @TempDir static Path dir;
  private static ScriptedDeployments script;
  private static ScriptedDeployments dev;

  @BeforeAll
  static void deploy() throws Exception {
    script =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(),
            Files.createDirectories(dir.resolve("plain")),
            Map.of("FEATURE_FLAGS", "a,b"));
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

  @Test
  void everyDeploymentIsToldTheProjectWhetherItSendsOrNot() {
    assertThat(script.deploy("gcp-sending").environment())
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "gcp-sending"),
            Map.entry("FEATURE_FLAGS", "a,b"),
            Map.entry("ANYFN_GCP_PROJECT", "demo-project"));
    assertThat(script.deploy("gcp-sending-topic-sending-in").environment())
        .containsEntry("ANYFN_TRIGGER", "TOPIC sending-in")
        .containsEntry("ANYFN_GCP_PROJECT", "demo-project");
    assertThat(dev.deploy("dev-gcp-sending").environment())
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "gcp-sending"),
            Map.entry("ANYFN_GCP_PROJECT", "demo-project"),
            Map.entry("ANYFN_NAME_PREFIX", "dev-"));
    // the project names the trace of every function's log entries
    assertThat(script.deploy("gcp-web").environment())
        .containsEntry("ANYFN_GCP_PROJECT", "demo-project");
    assertThat(script.deploy("gcp-events-queue-orders").environment())
        .containsEntry("ANYFN_GCP_PROJECT", "demo-project");
  }

  @Test
  void theTopicOfEachSentQueueIsCreatedUnlessItExistsBeforeAnyDeployment() {
    List<List<String>> calls = script.calls();
    int firstDeploy =
        calls.indexOf(
            calls.stream()
                .filter(c -> c.get(0).equals("functions") && c.get(1).equals("deploy"))
                .findFirst()
                .orElseThrow());

    assertThat(calls.subList(0, firstDeploy))
        .containsSubsequence(
            describeTopic("orders"),
            createTopic("orders"),
            describeTopic("audit"),
            createTopic("audit"));
    assertThat(calls).filteredOn(c -> c.equals(createTopic("orders"))).hasSize(1);
  }

  @Test
  void theSentTopicsCarryTheStagesPrefix() {
    assertThat(dev.calls()).contains(createTopic("dev-orders"), createTopic("dev-audit"));
    assertThat(dev.calls()).doesNotContain(createTopic("orders"), createTopic("audit"));
  }

  // ---- packaging
  // ---------------------------------------------------------------------------------

  private static FunctionIndex sending(String... queues) {
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
                List.of(queues),
                List.of())));
  }

  @Test
  void aSentQueueThatIsNotAPubSubTopicIdIsAPackagingProblemNamingSendsTo() {
    assertThat(new GcpPackager().portabilityProblems(sending("orders", "goog-Orders!")))
        .containsExactly(
            "Function 'api': queue 'goog-Orders!' is not a valid Pub/Sub topic ID: it contains"
                + " '!'; Google allows only letters, digits, '-', '.', '_', '~', '%' and '+'; it"
                + " starts with 'goog', which Google reserves. Rename it in @SendsTo.");
    assertThat(new GcpPackager().portabilityProblems(sending("orders", "audit"))).isEmpty();
  }

  @Test
  void theLongestPrefixAllowedKeepsEverySentTopicWithinTwoHundredFiftyFiveCharacters() {
    GcpDeploymentPlan plan = GcpDeploymentPlan.of(sending("q".repeat(250)));

    assertThat(DeployScript.prefixRoom(plan)).isEqualTo(5);
  }

  @Test
  void anEnvironmentThatSetsTheProjectVariableIsAProblemSayingHowToChooseIt() throws Exception {
    assertThat(
            new GcpPackager()
                .environmentProblems(
                    ScriptedDeployments.testIndex(), Map.of("ANYFN_GCP_PROJECT", "other")))
        .containsExactly(
            "<environment> sets ANYFN_GCP_PROJECT, which deploy.sh sets itself, to the project it"
                + " deploys to, for every function. Remove it, and choose the project when"
                + " deploying: PROJECT=<project> target/anyfn/gcp/deploy.sh.");
  }

  @Test
  void noFunctionsEnvironmentIsSplitOnAColonWhichAProjectIdMayHold() {
    Map<String, String> env = Map.of("V", "a,b@c|d~e#f;g");
    GcpDeployment sender = GcpDeploymentPlan.of(sending("orders")).deployments().get(0);
    GcpDeployment other = GcpDeploymentPlan.of(sending()).deployments().get(0);

    for (GcpDeployment d : List.of(sender, other)) {
      assertThatThrownBy(() -> DeployScript.envVars(d, env))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "The environment of function 'api' uses every delimiter gcloud could split it on (,"
                  + " @ | ~ # ;); remove one.");
    }
    assertThat(DeployScript.envVars(other, Map.of("V", "a,b@c"))).startsWith("^|^");
  }

  @Test
  void eachDeploymentOfASendingFunctionMayPublishToItsTopicsAsItsOwnServiceAccount() {
    assertThat(publisherBindings(script))
        .containsExactly(
            List.of("orders", "serviceAccount:gcp-sending@demo.iam.gserviceaccount.com"),
            List.of("audit", "serviceAccount:gcp-sending@demo.iam.gserviceaccount.com"),
            List.of(
                "orders",
                "serviceAccount:gcp-sending-topic-sending-in@demo.iam.gserviceaccount.com"),
            List.of(
                "audit",
                "serviceAccount:gcp-sending-topic-sending-in@demo.iam.gserviceaccount.com"));
    assertThat(publisherBindings(dev))
        .extracting(b -> b.get(0))
        .containsOnly("dev-orders", "dev-audit");
    List<List<String>> calls = script.calls();
    int deployed =
        calls.indexOf(
            calls.stream()
                .filter(c -> c.subList(0, 3).equals(List.of("functions", "deploy", "gcp-sending")))
                .findFirst()
                .orElseThrow());
    int asked =
        calls.indexOf(
            calls.stream()
                .filter(
                    c ->
                        c.contains("value(serviceConfig.serviceAccountEmail)")
                            && c.contains("gcp-sending"))
                .findFirst()
                .orElseThrow());
    assertThat(asked).as("asked of the deployed function").isGreaterThan(deployed);
  }

  /** Each publisher grant on a topic to a deployment of gcp-sending: the topic and the member. */
  private static List<List<String>> publisherBindings(ScriptedDeployments run) {
    return run.calls().stream()
        .filter(
            c ->
                c.size() > 3
                    && c.subList(0, 3)
                        .equals(List.of("pubsub", "topics", "add-iam-policy-binding")))
        .filter(c -> c.contains("roles/pubsub.publisher"))
        .filter(c -> c.get(c.indexOf("--member") + 1).contains("gcp-sending"))
        .map(c -> List.of(c.get(3), c.get(c.indexOf("--member") + 1)))
        .toList();
  }
}
