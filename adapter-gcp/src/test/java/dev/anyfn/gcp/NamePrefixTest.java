package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.gcp.testing.GcloudDeploy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PREFIX=dev- deploy.sh} deploys a stage beside others in one project: every name it gives
 * starts with the prefix, and the functions learn it so that handlers see their annotations' names.
 */
class NamePrefixTest {
  @TempDir static Path dir;
  private static ScriptedDeployments dev;

  @BeforeAll
  static void deployTheDevStage() throws Exception {
    dev =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(), dir, Map.of(), Map.of("PREFIX", "dev-"));
  }

  @Test
  void everyDeploymentAndTheTopicBucketAndCollectionItListensToCarryThePrefix() {
    assertThat(dev.deploymentNames()).isNotEmpty().allMatch(name -> name.startsWith("dev-gcp-"));

    GcloudDeploy queue = dev.deploy("dev-gcp-events-queue-orders");
    assertThat(queue.args()).contains("--trigger-topic=dev-orders");
    assertThat(queue.environment())
        .containsEntry("ANYFN_NAME_PREFIX", "dev-")
        .containsEntry("ANYFN_FUNCTION", "gcp-events")
        .containsEntry("ANYFN_TRIGGER", "QUEUE orders");

    assertThat(dev.deploy("dev-gcp-events-storage-uploads-finalized").args())
        .contains("--trigger-event-filters=bucket=dev-uploads");
    assertThat(dev.deploy("dev-gcp-events-firestore-users").args())
        .contains("--trigger-event-filters-path-pattern=document=dev-users/{doc}");
    assertThat(dev.deploy("dev-gcp-web").environment()).containsEntry("ANYFN_NAME_PREFIX", "dev-");
  }

  @Test
  void deadLetterTopicsAndSchedulerJobsCarryThePrefixToo() {
    List<List<String>> calls = dev.calls();
    assertThat(calls)
        .anySatisfy(
            c -> assertThat(c).startsWith("pubsub", "topics", "create", "dev-orders-poison"));
    assertThat(calls)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("pubsub", "subscriptions", "create", "dev-orders-poison-kept"));
    assertThat(calls)
        .anySatisfy(
            c ->
                assertThat(c)
                    .startsWith("scheduler", "jobs", "create", "pubsub")
                    .contains("dev-gcp-events-schedule-1")
                    .contains("dev-anyfn-gcp-events-schedule-1"));
    assertThat(calls)
        .filteredOn(c -> c.get(0).equals("pubsub") || c.get(0).equals("scheduler"))
        .noneSatisfy(c -> assertThat(String.join(" ", c)).contains(" orders-poison"));
  }

  @Test
  void withoutAPrefixTheFunctionsGetNoPrefixVariable() throws Exception {
    ScriptedDeployments plain =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(),
            Files.createDirectories(dir.resolve("plain")),
            Map.of());

    assertThat(plain.deploy("gcp-events-queue-orders").environment())
        .doesNotContainKey("ANYFN_NAME_PREFIX");
    assertThat(plain.deploy("gcp-events-queue-orders").args()).contains("--trigger-topic=orders");
  }

  @Test
  void aPrefixGoogleWouldRefuseStopsTheScriptBeforeAnyDeployment() throws Exception {
    Path script = dev.outputDirectory().resolve("deploy.sh");
    for (String bad : List.of("Dev-", "dev_", "1dev-", "x".repeat(64))) {
      Path log = dir.resolve("refused-calls.log");
      Files.deleteIfExists(log);
      ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
      pb.environment().put("PROJECT", "demo-project");
      pb.environment().put("PREFIX", bad);
      pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
      pb.environment().put("GCLOUD_CALLS", log.toString());
      Process p = pb.start();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();

      assertThat(p.exitValue()).as(bad).isEqualTo(2);
      assertThat(output)
          .contains("PREFIX '" + bad + "' cannot go before these names")
          .contains("starting with a letter, at most ");
      assertThat(log).as("no gcloud call for %s", bad).doesNotExist();
    }
  }

  @Test
  void theLongestPrefixAllowedKeepsTheLongestDeploymentNameWithinSixtyThreeCharacters()
      throws Exception {
    GcpDeploymentPlan plan = GcpDeploymentPlan.of(ScriptedDeployments.testIndex());
    int longest = plan.deployments().stream().mapToInt(d -> d.name().length()).max().orElseThrow();

    assertThat(DeployScript.prefixRoom(plan)).isEqualTo(63 - longest);
  }

  @Test
  void anEnvironmentThatSetsTheNamePrefixIsAProblemSayingHowToChooseIt() throws Exception {
    assertThat(
            new GcpPackager()
                .environmentProblems(
                    ScriptedDeployments.testIndex(), Map.of("ANYFN_NAME_PREFIX", "dev-")))
        .singleElement()
        .asString()
        .contains("<environment> sets ANYFN_NAME_PREFIX")
        .contains("PREFIX=dev- target/anyfn/gcp/deploy.sh");
    assertThat(
            new GcpPackager()
                .environmentProblems(ScriptedDeployments.testIndex(), Map.of("A", "b")))
        .isEmpty();
  }

  @Test
  void theDeployCommandRunsTheScriptThePackagerWroteAndNamesThePrefix() {
    String command = new GcpPackager().deployCommand("target/anyfn/gcp").orElseThrow();

    assertThat(command).startsWith("PROJECT=<project> ").contains("PREFIX=dev-");
    assertThat(dir.resolve(command.split(" ")[1])).isRegularFile().isExecutable();
  }
}
