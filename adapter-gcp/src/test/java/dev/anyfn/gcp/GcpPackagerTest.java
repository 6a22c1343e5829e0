package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import dev.anyfn.gcp.testing.DeployScriptRun;
import dev.anyfn.gcp.testing.GcloudDeploy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated deploy script, run against a recording gcloud. */
class GcpPackagerTest {
  @TempDir static Path dir;
  private static ScriptedDeployments script;

  @BeforeAll
  static void run() throws Exception {
    script =
        ScriptedDeployments.run(
            ScriptedDeployments.testIndex(), dir, Map.of("FEATURE_FLAGS", "a,b"));
  }

  private static List<String> common(String entryPoint) {
    return List.of(
        "--gen2",
        "--project",
        "demo-project",
        "--region",
        "us-central1",
        "--runtime",
        "java21",
        "--source",
        script.outputDirectory().resolve("source").toString(),
        "--entry-point",
        entryPoint,
        // without it Google's buildpack would run the jar on invoker 1.4.1, not 2.0.0
        "--set-build-env-vars",
        "USE_JAVA_FF_2=true");
  }

  @Test
  void packagerIsFoundThroughServiceLoader() {
    assertThat(
            ServiceLoader.load(ProviderPackager.class).stream()
                .map(p -> p.type().getName())
                .toList())
        .contains(GcpPackager.class.getName());
    assertThat(new GcpPackager().provider()).isEqualTo("gcp");
    assertThat(new GcpPackager().adapterArtifactId()).isEqualTo("anyfn-adapter-gcp");
  }

  @Test
  void scriptIsExecutableStrictAndSourceHoldsOnlyTheJar() throws IOException {
    Path deploy = script.outputDirectory().resolve("deploy.sh");
    assertThat(Files.getPosixFilePermissions(deploy)).contains(PosixFilePermission.OWNER_EXECUTE);
    assertThat(Files.readString(deploy))
        .startsWith("#!/usr/bin/env bash\n")
        .contains("set -euo pipefail\n");
    try (Stream<Path> files = Files.list(script.outputDirectory().resolve("source"))) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("shop-gcp.jar");
    }
  }

  @Test
  void oneDeploymentPerHttpFunctionAndPerEventTriggerAndStorageEventType() {
    assertThat(script.deploymentNames())
        .containsExactly(
            "gcp-calc-invoke",
            "gcp-events-queue-orders",
            "gcp-events-topic-prices",
            "gcp-events-storage-uploads-finalized",
            "gcp-events-storage-uploads-deleted",
            "gcp-events-schedule-1",
            "gcp-events-firestore-users",
            "gcp-lifecycle-invoke",
            "gcp-publishing",
            "gcp-publishing-topic-order-events",
            "gcp-retired-race-invoke",
            "gcp-sending",
            "gcp-sending-topic-sending-in",
            "gcp-twins-schedule-1",
            "gcp-twins-schedule-2",
            "gcp-twins-queue-jobs",
            "gcp-web");
  }

  @Test
  void invokeDeploymentIsAlwaysPrivateAndNamesItsTrigger() {
    List<String> args = script.deploy("gcp-calc-invoke").args();
    assertThat(args)
        .contains("dev.anyfn.gcp.InvokeEntryPoint", "--trigger-http", "--no-allow-unauthenticated")
        .doesNotContain("--allow-unauthenticated");
    assertThat(script.deploy("gcp-calc-invoke").environment())
        .contains(Map.entry("ANYFN_FUNCTION", "gcp-calc"), Map.entry("ANYFN_TRIGGER", "INVOKE"));
  }

  @Test
  void httpDeploymentIsPrivateByDefaultWithMemoryTimeoutAndInstances() {
    List<String> expected = new java.util.ArrayList<>(common("dev.anyfn.gcp.HttpEntryPoint"));
    expected.addAll(
        List.of(
            "--trigger-http",
            "--no-allow-unauthenticated",
            "--set-env-vars",
            "^@^ANYFN_FUNCTION=gcp-web@FEATURE_FLAGS=a,b@ANYFN_GCP_PROJECT=demo-project",
            "--memory",
            "256Mi",
            "--timeout",
            "20s",
            "--max-instances",
            "3",
            "--concurrency",
            "1"));
    assertThat(script.deploy("gcp-web").args()).isEqualTo(expected);
    assertThat(script.deploy("gcp-web").environment())
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "gcp-web"),
            Map.entry("FEATURE_FLAGS", "a,b"),
            Map.entry("ANYFN_GCP_PROJECT", "demo-project"));
  }

  @Test
  void queueDeploymentTriggersOnItsTopicWithRetriesOn() {
    GcloudDeploy d = script.deploy("gcp-events-queue-orders");
    List<String> expected = new java.util.ArrayList<>(common("dev.anyfn.gcp.EventEntryPoint"));
    expected.addAll(
        List.of(
            "--trigger-topic=orders",
            "--retry",
            "--set-env-vars",
            "^@^ANYFN_FUNCTION=gcp-events@ANYFN_TRIGGER=QUEUE orders@FEATURE_FLAGS=a,b"
                + "@ANYFN_GCP_PROJECT=demo-project",
            "--memory",
            "512Mi",
            "--timeout",
            "30s",
            "--max-instances",
            "1", // gcp-events: maxInstances 10 shared out among its 6 deployments
            "--concurrency",
            "1"));
    assertThat(d.args()).isEqualTo(expected);
    assertThat(script.deploy("gcp-events-topic-prices").args()).doesNotContain("--retry");
  }

  @Test
  void queueDeploymentGetsADeadLetterTopicKeptBySubscriptionAfterFiveDeliveryAttempts() {
    List<List<String>> calls = script.calls();
    int deployed =
        calls.indexOf(
            calls.stream()
                .filter(c -> c.size() > 2 && c.get(2).equals("gcp-events-queue-orders"))
                .findFirst()
                .orElseThrow());
    String subscription = DeployScriptRun.SUBSCRIPTION_PREFIX + "gcp-events-queue-orders-sub-1";
    String agent =
        "serviceAccount:service-"
            + DeployScriptRun.PROJECT_NUMBER
            + "@gcp-sa-pubsub.iam.gserviceaccount.com";
    assertThat(calls.subList(deployed + 1, calls.size()))
        .containsSubsequence(
            List.of("pubsub", "topics", "create", "orders-poison", "--project", "demo-project"),
            List.of(
                "pubsub",
                "subscriptions",
                "create",
                "orders-poison-kept",
                "--project",
                "demo-project",
                "--topic",
                "orders-poison",
                "--message-retention-duration",
                "7d",
                "--expiration-period",
                "never"),
            List.of(
                "functions",
                "describe",
                "gcp-events-queue-orders",
                "--gen2",
                "--project",
                "demo-project",
                "--region",
                "us-central1",
                "--format",
                "value(eventTrigger.trigger)"),
            List.of(
                "eventarc",
                "triggers",
                "describe",
                DeployScriptRun.TRIGGER_PREFIX + "gcp-events-queue-orders",
                "--format",
                "value(transport.pubsub.subscription)"),
            List.of(
                "pubsub",
                "topics",
                "add-iam-policy-binding",
                "orders-poison",
                "--project",
                "demo-project",
                "--member",
                agent,
                "--role",
                "roles/pubsub.publisher"),
            List.of(
                "pubsub",
                "subscriptions",
                "add-iam-policy-binding",
                subscription,
                "--member",
                agent,
                "--role",
                "roles/pubsub.subscriber"),
            List.of(
                "pubsub",
                "subscriptions",
                "update",
                subscription,
                "--dead-letter-topic",
                "projects/demo-project/topics/orders-poison",
                "--max-delivery-attempts",
                "5"));
    assertThat(calls)
        .as("only queue deployments (orders, jobs) retry, so only they get a dead-letter topic")
        .filteredOn(
            c -> c.size() > 2 && c.get(1).equals("subscriptions") && c.get(2).equals("update"))
        .hasSize(2);
  }

  @Test
  void storageTriggerIsOneDeploymentPerEventTypeFilteredOnTheBucket() {
    GcloudDeploy created = script.deploy("gcp-events-storage-uploads-finalized");
    GcloudDeploy deleted = script.deploy("gcp-events-storage-uploads-deleted");
    assertThat(created.args())
        .containsSequence(
            "--trigger-event-filters=type=google.cloud.storage.object.v1.finalized",
            "--trigger-event-filters=bucket=uploads");
    assertThat(deleted.args())
        .contains("--trigger-event-filters=type=google.cloud.storage.object.v1.deleted");
    assertThat(created.environment())
        .containsEntry("ANYFN_TRIGGER", "STORAGE uploads [CREATED, DELETED]");
    assertThat(deleted.environment()).isEqualTo(created.environment());
  }

  @Test
  void storageTriggerIsPlacedWhereItsBucketIsAsEventarcRequires() {
    List<List<String>> calls = script.calls();
    int asked =
        calls.indexOf(
            List.of(
                "storage",
                "buckets",
                "describe",
                "gs://uploads",
                "--project",
                "demo-project",
                "--format=value(location)"));
    int deployed =
        calls.indexOf(
            calls.stream()
                .filter(
                    c -> c.size() > 2 && c.get(2).equals("gcp-events-storage-uploads-finalized"))
                .findFirst()
                .orElseThrow());

    assertThat(asked).isNotNegative().isLessThan(deployed);
    // Cloud Storage says "US" for the multi-region; Eventarc's location is "us".
    assertThat(script.deploy("gcp-events-storage-uploads-finalized").args())
        .containsSequence("--trigger-location", "us");
  }

  @Test
  void firestoreTriggerIsPlacedWhereTheDatabaseIsAsEventarcRequires() {
    List<List<String>> calls = script.calls();
    int asked =
        calls.indexOf(
            List.of(
                "firestore",
                "databases",
                "describe",
                "--database=(default)",
                "--project",
                "demo-project",
                "--format=value(locationId)"));
    int deployed =
        calls.indexOf(
            calls.stream()
                .filter(c -> c.size() > 2 && c.get(2).equals("gcp-events-firestore-users"))
                .findFirst()
                .orElseThrow());

    assertThat(asked).isNotNegative().isLessThan(deployed);
    // the multi-region nam5 is where the trigger goes; the function runs in REGION
    assertThat(script.deploy("gcp-events-firestore-users").args())
        .containsSequence("--trigger-location", "nam5")
        .containsSequence("--region", "us-central1");
  }

  @Test
  void firestoreTriggerFiltersOnTheDefaultDatabaseAndTheCollection() {
    assertThat(script.deploy("gcp-events-firestore-users").args())
        .containsSequence(
            "--trigger-event-filters=type=google.cloud.firestore.document.v1.written",
            "--trigger-event-filters=database=(default)",
            "--trigger-event-filters-path-pattern=document=users/{doc}");
  }

  @Test
  void scheduleCreatesItsTopicAndSchedulerJobBeforeTheDeployment() {
    List<List<String>> calls = script.calls();
    int topic =
        calls.indexOf(
            List.of(
                "pubsub",
                "topics",
                "create",
                "anyfn-gcp-events-schedule-1",
                "--project",
                "demo-project"));
    int job =
        calls.indexOf(
            List.of(
                "scheduler",
                "jobs",
                "create",
                "pubsub",
                "gcp-events-schedule-1",
                "--project",
                "demo-project",
                "--location",
                "us-central1",
                "--schedule",
                "*/5 * * * *",
                "--time-zone",
                "UTC",
                "--topic",
                "anyfn-gcp-events-schedule-1",
                "--message-body",
                "{}"));
    int deploy = script.deploymentNames().indexOf("gcp-events-schedule-1");
    assertThat(topic).isNotNegative();
    assertThat(job).isGreaterThan(topic);
    assertThat(
            calls.indexOf(
                calls.stream()
                    .filter(
                        c -> c.contains("gcp-events-schedule-1") && c.get(0).equals("functions"))
                    .findFirst()
                    .orElseThrow()))
        .isGreaterThan(job);
    assertThat(deploy).isNotNegative();
    assertThat(script.deploy("gcp-events-schedule-1").args())
        .contains("--trigger-topic=anyfn-gcp-events-schedule-1");
    assertThat(script.deploy("gcp-events-schedule-1").environment())
        .containsEntry("ANYFN_TRIGGER", "SCHEDULE cron '*/5 * * * *' UTC");
  }

  // ---- portability ------------------------------------------------------------------------------

  /** Function {@code name} (class {@code x.<Name>}), one void handler per trigger. */
  private static FunctionSpec function(String name, int maxInstances, TriggerSpec... triggers) {
    String className = "x." + Character.toUpperCase(name.charAt(0)) + name.substring(1);
    return new FunctionSpec(
        name,
        className,
        512,
        30,
        maxInstances,
        List.of(),
        List.of(),
        TestIndexes.handlers(triggers));
  }

  private static FunctionIndex index(TriggerSpec... triggers) {
    return bounded(10, triggers);
  }

  private static FunctionIndex bounded(int maxInstances, TriggerSpec... triggers) {
    return TestIndexes.of("jobs", maxInstances, triggers);
  }

  @Test
  void maxInstancesIsSharedOutAmongAFunctionsDeploymentsSoTheyTogetherKeepIt() {
    TriggerSpec http = new TriggerSpec.Http("GET", "/");
    TriggerSpec queue = new TriggerSpec.Queue("jobs", 1);
    TriggerSpec topic = new TriggerSpec.Topic("prices");
    GcpDeploymentPlan plan = GcpDeploymentPlan.of(bounded(10, http, queue, topic));

    assertThat(plan.deployments()).hasSize(3);
    assertThat(plan.deployments()).allSatisfy(d -> assertThat(plan.maxInstances(d)).isEqualTo(3));
    assertThat(new GcpPackager().warnings(bounded(10, http, queue, topic))).isEmpty();
  }

  /**
   * A disabled function gets no deployment, so its queue's topic would have no subscription and
   * Pub/Sub would drop what is sent; a queue an enabled function also consumes has one already.
   */
  @Test
  void aQueueOnlyDisabledFunctionsConsumeIsHeldInASubscriptionThatKeepsItsMessages(
      @TempDir Path held) throws Exception {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                function(
                    "archive",
                    0,
                    new TriggerSpec.Queue("audit", 1),
                    new TriggerSpec.Queue("orders", 1)),
                function("jobs", 10, new TriggerSpec.Queue("orders", 1))));

    GcpDeploymentPlan plan = GcpDeploymentPlan.of(index);
    assertThat(plan.held()).containsExactly(new GcpDeploymentPlan.HeldQueue("audit", "archive"));
    assertThat(plan.deployments())
        .extracting(GcpDeployment::name)
        .containsExactly("jobs-queue-orders");
    assertThat(new GcpPackager().warnings(index))
        .containsExactly(
            "Function 'archive' is disabled (maxInstances = 0), so no Google deployment takes"
                + " queue 'audit': deploy.sh gives its topic the subscription 'audit-held', which"
                + " keeps what is sent for 7 days (Pub/Sub drops what a topic without a"
                + " subscription gets). An enabled function's deployment gets a new subscription of"
                + " its own: publish the held messages to the topic again, then delete the held"
                + " subscription.",
            "Disabled functions (maxInstances = 0) get no Google deployment, but one an earlier"
                + " deploy made keeps running and taking their messages: deploy.sh warns about"
                + " each of archive-queue-audit, archive-queue-orders it finds and does not delete"
                + " it (deleting a deployment drops the messages waiting in its subscription)."
                + " Delete them by hand once their backlog is handled.");

    List<List<String>> calls =
        ScriptedDeployments.run(index, held, Map.of(), Map.of("PREFIX", "dev-")).calls();
    assertThat(calls)
        .containsSubsequence(
            List.of("pubsub", "topics", "create", "dev-audit", "--project", "demo-project"),
            List.of(
                "pubsub",
                "subscriptions",
                "create",
                "dev-audit-held",
                "--project",
                "demo-project",
                "--topic",
                "dev-audit",
                "--message-retention-duration",
                "7d",
                "--expiration-period",
                "never"));
    assertThat(calls)
        .as("orders has a deployment, whose Eventarc subscription takes its messages")
        .noneMatch(c -> c.contains("dev-orders-held"));
  }

  /**
   * A function disabled after a deploy made its deployments: they keep taking its queues' messages,
   * and deleting them would drop what waits in their subscriptions, so deploy.sh reports each it
   * finds and deletes nothing. The recording gcloud finds every function it is asked to describe.
   */
  @Test
  void theDeploymentsADisabledFunctionHadAreReportedNotDeleted(@TempDir Path dir) throws Exception {
    FunctionIndex index =
        new FunctionIndex(
            1,
            List.of(
                function("archive", 0, new TriggerSpec.Queue("audit", 1)),
                function("jobs", 10, new TriggerSpec.Queue("orders", 1))));

    assertThat(GcpDeploymentPlan.of(index).stale()).containsExactly("archive-queue-audit");
    ScriptedDeployments run =
        ScriptedDeployments.run(index, dir, Map.of(), Map.of("PREFIX", "dev-"));

    assertThat(run.calls())
        .contains(
            List.of(
                "functions",
                "describe",
                "dev-archive-queue-audit",
                "--gen2",
                "--project",
                "demo-project",
                "--region",
                "us-central1"))
        .noneMatch(c -> c.get(0).equals("functions") && c.get(1).equals("delete"));
    assertThat(run.output())
        .contains(
            "WARNING: deployment dev-archive-queue-audit is still deployed, but its function is"
                + " disabled (maxInstances = 0); it keeps taking its messages.")
        .contains(
            "gcloud functions delete dev-archive-queue-audit --gen2 --project demo-project"
                + " --region us-central1");
  }

  @Test
  void theLongestPrefixAllowedKeepsAHeldQueuesTopicAndSubscriptionWithinGooglesLimit() {
    FunctionIndex index = bounded(0, new TriggerSpec.Queue("q".repeat(245), 1));
    GcpDeploymentPlan plan = GcpDeploymentPlan.of(index);

    assertThat(plan.held()).hasSize(1);
    // topic: 245 + prefix; subscription: 245 + "-held" + prefix; both at most 255
    assertThat(DeployScript.prefixRoom(plan)).isEqualTo(5);
  }

  @Test
  void aHeldQueueNamedAsADeployedTopicIsRefusedAsItsSubscriptionWouldFillWithTheTopic() {
    FunctionSpec disabled = function("archive", 0, new TriggerSpec.Queue("prices", 1));
    FunctionSpec subscriber = function("ticker", 10, new TriggerSpec.Topic("prices"));

    assertThat(
            new GcpPackager()
                .portabilityProblems(new FunctionIndex(1, List.of(disabled, subscriber))))
        .containsExactly(
            "Queue 'prices' (@OnQueue of disabled function 'archive', held for it) and topic"
                + " 'prices' (@OnTopic of function 'ticker') would be one Pub/Sub topic on Google,"
                + " which names queues and topics alike, so each would receive the other's"
                + " messages. Rename the queue or the topic so that their names differ.");
  }

  @Test
  void aFunctionWithMoreDeploymentsThanInstancesIsWarnedAbout() {
    FunctionIndex index =
        bounded(
            2,
            new TriggerSpec.Http("GET", "/"),
            new TriggerSpec.Queue("jobs", 1),
            new TriggerSpec.Topic("prices"));

    assertThat(GcpDeploymentPlan.of(index).deployments())
        .allSatisfy(d -> assertThat(GcpDeploymentPlan.of(index).maxInstances(d)).isEqualTo(1));
    assertThat(new GcpPackager().warnings(index))
        .containsExactly(
            "Function 'jobs' has maxInstances = 2 but 3 Google deployments (one per HTTP function"
                + " and per event trigger), each of which runs at least one instance: up to 3 may"
                + " run at once. Raise maxInstances to 3 or more, or move triggers to another"
                + " function.");
  }

  @Test
  void exactRatesBecomeCronAndOthersAreReportedAsProblems() {
    GcpPackager packager = new GcpPackager();
    assertThat(packager.portabilityProblems(index(new TriggerSpec.Schedule("", "5m", 300, "UTC"))))
        .isEmpty();
    assertThat(packager.portabilityProblems(index(new TriggerSpec.Schedule("", "7m", 420, "UTC"))))
        .containsExactly(
            "Function 'jobs' runs at rate '7m', which Cloud Scheduler cannot express exactly as a"
                + " cron schedule; use a rate that divides an hour (in minutes) or a day (in"
                + " hours), or a cron expression.");
    assertThat(
            GcpDeploymentPlan.of(index(new TriggerSpec.Schedule("", "2h", 7200, "UTC")))
                .deployments()
                .get(0)
                .schedule()
                .orElseThrow()
                .cron())
        .isEqualTo("0 */2 * * *");
  }

  @Test
  void monthAndDayNamesReachCloudSchedulerInTheUpperCaseItDocumentsWhileTheTriggerKeepsTheCron() {
    TriggerSpec.Schedule weekdays = new TriggerSpec.Schedule("0 9 * jan-jun mon-fri", "", 0, "UTC");
    GcpDeployment d = GcpDeploymentPlan.of(index(weekdays)).deployments().get(0);
    assertThat(d.schedule().orElseThrow().cron()).isEqualTo("0 9 * JAN-JUN MON-FRI");
    // ANYFN_TRIGGER names the trigger exactly as the index describes it.
    assertThat(d.trigger().orElseThrow().describe()).contains("'0 9 * jan-jun mon-fri'");
  }

  @Test
  void jarKeepsFirestoreEventTypesAndDropsOtherServicesGeneratedEventClasses() {
    GcpPackager packager = new GcpPackager();
    assertThat(
            packager.keepsDependencyEntry(
                "com/google/events/cloud/firestore/v1/DocumentEventData.class"))
        .isTrue();
    assertThat(packager.keepsDependencyEntry("com/google/protobuf/Timestamp.class")).isTrue();
    assertThat(packager.keepsDependencyEntry("com/google/type/LatLng.class")).isTrue();
    assertThat(packager.keepsDependencyEntry("dev/anyfn/gcp/EventEntryPoint.class")).isTrue();
    assertThat(
            packager.keepsDependencyEntry(
                "com/google/events/cloud/dataplex/v1/AssetEventData.class"))
        .isFalse();
    assertThat(
            packager.keepsDependencyEntry("com/google/events/firebase/auth/v1/AuthEventData.class"))
        .isFalse();
  }

  @Test
  void directInvocationBecomesAPrivateHttpDeploymentOfTheInvokeEntryPoint() {
    assertThat(new GcpPackager().portabilityProblems(index(new TriggerSpec.Invoke()))).isEmpty();
    GcpDeployment d = GcpDeploymentPlan.of(index(new TriggerSpec.Invoke())).deployments().get(0);
    assertThat(d.name()).isEqualTo("jobs-invoke");
    assertThat(d.entryPoint()).isEqualTo("dev.anyfn.gcp.InvokeEntryPoint");
    assertThat(d.triggerFlags()).containsExactly("--trigger-http", "--no-allow-unauthenticated");
    assertThat(DeployScript.envVars(d, Map.of())).contains("ANYFN_TRIGGER=INVOKE");
  }

  private static FunctionIndex timed(int timeoutSeconds, TriggerSpec trigger) {
    HandlerSpec h =
        new HandlerSpec("h", List.of(), "void", HandlerSpec.ReturnKind.VOID, trigger, List.of());
    return new FunctionIndex(
        1,
        List.of(
            new FunctionSpec(
                "jobs", "x.Jobs", 512, timeoutSeconds, 10, List.of(), List.of(), List.of(h))));
  }

  @Test
  void timeoutsBeyondGooglesLimitsAreProblemsEventsAt540AndHttpAt3600Seconds() {
    GcpPackager google = new GcpPackager();
    TriggerSpec queue = new TriggerSpec.Queue("jobs", 10);
    TriggerSpec http = new TriggerSpec.Http("GET", "/");

    assertThat(google.portabilityProblems(timed(540, queue))).isEmpty();
    assertThat(google.portabilityProblems(timed(541, queue)))
        .singleElement()
        .asString()
        .contains("Function 'jobs' has a timeout of 541 s")
        .contains("at most 540 s for an event-driven deployment");
    assertThat(google.portabilityProblems(timed(3600, http))).isEmpty();
    assertThat(google.portabilityProblems(timed(3601, http)))
        .singleElement()
        .asString()
        .contains("at most 3600 s for an HTTP deployment");
  }

  @Test
  void theRuntimeIsJava21UnlessTheClassesNeedANewerJava() throws IOException {
    Path jar = dir.resolve("runtime/shop-gcp.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, new byte[] {'P', 'K'});
    FunctionIndex index = index(new TriggerSpec.Http("GET", "/"));
    for (int release : new int[] {17, 25}) {
      Path out = dir.resolve("runtime/out-" + release);
      new GcpPackager()
          .writeDescriptors(index, new PackagingContext(out, dir, "shop", jar, Map.of(), release));
      assertThat(Files.readString(out.resolve("deploy.sh")))
          .contains("--runtime " + (release == 17 ? "java21" : "java25") + " \\");
    }
    assertThat(new GcpPackager().javaReleaseProblem(25)).isEmpty();
    assertThat(new GcpPackager().javaReleaseProblem(26))
        .hasValueSatisfying(p -> assertThat(p).contains("compiled for Java 26").contains("java25"));
  }

  @Test
  void missingJarIsAnErrorNamingIt() {
    Path jar = dir.resolve("absent.jar");
    assertThatThrownBy(
            () ->
                new GcpPackager()
                    .writeDescriptors(
                        index(new TriggerSpec.Http("GET", "/")),
                        new PackagingContext(dir.resolve("out"), dir, "shop", jar, Map.of())))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "The Google jar "
                + jar
                + " does not exist; build it (mvn package) before writing the deploy script.");
  }

  @Test
  void dataChangeOnSomeKindsIsOneDeploymentPerFirestoreEventType() {
    GcpDeploymentPlan plan =
        GcpDeploymentPlan.of(
            index(new TriggerSpec.DataChange("users", List.of("INSERT", "REMOVE"))));
    assertThat(plan.deployments().stream().map(GcpDeployment::name))
        .containsExactly("jobs-firestore-users-created", "jobs-firestore-users-deleted");
    assertThat(plan.deployments().get(1).triggerFlags())
        .contains("--trigger-event-filters=type=google.cloud.firestore.document.v1.deleted");
  }

  @Test
  void deploymentNamesThatCollideAreReported() {
    assertThat(
            new GcpPackager()
                .portabilityProblems(
                    index(new TriggerSpec.Topic("a.b"), new TriggerSpec.Topic("a_b"))))
        .containsExactly(
            "Two Google deployments would be named 'jobs-topic-a-b' (function 'jobs'); rename a"
                + " function or trigger so the names differ.");
  }

  @Test
  void scriptCommentsCannotBeBrokenOutOfByANewline() {
    assertThat(BashWords.comment("# topic evil\nrm -rf /")).isEqualTo("# topic evil?rm -rf /");
  }
}
