package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.core.packaging.ProviderPackager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AzurePackagerTest {
  private static FunctionIndex index(String function, int timeout, TriggerSpec... triggers) {
    List<HandlerSpec> handlers =
        java.util.Arrays.stream(triggers)
            .map(
                t ->
                    new HandlerSpec(
                        "run", List.of(), "void", HandlerSpec.ReturnKind.VOID, t, List.of()))
            .toList();
    return new FunctionIndex(
        1,
        List.of(
            new FunctionSpec(function, "a.B", 512, timeout, 1, List.of(), List.of(), handlers)));
  }

  @Test
  void isFoundByServiceLoader() {
    assertThat(ServiceLoader.load(ProviderPackager.class).stream().map(p -> p.get().provider()))
        .contains("azure");
  }

  @Test
  void expressibleUtcSchedulesAreNoProblem() {
    assertThat(
            new AzurePackager()
                .portabilityProblems(
                    index("a", 30, new TriggerSpec.Schedule("0 3 * * SUN", "", 0, "UTC"))))
        .isEmpty();
  }

  @Test
  void scheduleNcrontabCannotExpressIsAProblemNamingFunctionAndReason() {
    assertThat(
            new AzurePackager()
                .portabilityProblems(
                    index("report", 30, new TriggerSpec.Schedule("0 8 1 * MON", "", 0, "UTC"))))
        .containsExactly(
            "Function 'report' (run, SCHEDULE cron '0 8 1 * MON' UTC) has a schedule Azure cannot"
                + " express: cron '0 8 1 * MON' restricts both day-of-month (1) and day-of-week"
                + " (MON): cron runs when either matches, NCRONTAB only when both match. Use two"
                + " schedules, one per day field.");
  }

  @Test
  void nonUtcZoneAndTimeSpanRateAreProblems() {
    List<String> problems =
        new AzurePackager()
            .portabilityProblems(
                index(
                    "jobs",
                    30,
                    new TriggerSpec.Schedule("0 8 * * *", "", 0, "Europe/Paris"),
                    new TriggerSpec.Schedule("", "7m", 420, "UTC")));
    assertThat(problems).hasSize(2);
    assertThat(problems.get(0))
        .startsWith("Function 'jobs' (run, SCHEDULE cron '0 8 * * *' Europe/Paris) runs in zone")
        .contains("WEBSITE_TIME_ZONE");
    assertThat(problems.get(1)).contains("TimeSpan '00:07:00'").contains("Consumption plan");
  }

  @Test
  void anHttpFunctionWithATimeoutLongerThanTheLoadBalancerWaitsIsWarnedAbout() {
    assertThat(new AzurePackager().warnings(index("api", 300, new TriggerSpec.Http("GET", "/"))))
        .singleElement()
        .asString()
        .contains("Function 'api' answers HTTP routes and has a timeout of 300 s")
        .contains("waits at most 230 s");
    assertThat(new AzurePackager().warnings(index("api", 230, new TriggerSpec.Http("GET", "/"))))
        .isEmpty();
    assertThat(new AzurePackager().warnings(index("jobs", 600, new TriggerSpec.Queue("jobs", 10))))
        .isEmpty();
  }

  @Test
  void aTimeoutBeyondTheConsumptionPlansTenMinutesIsWarnedAbout() {
    assertThat(new AzurePackager().warnings(index("jobs", 601, new TriggerSpec.Queue("jobs", 10))))
        .singleElement()
        .asString()
        .contains("Function 'jobs' has a timeout of 601 s")
        .contains("the Consumption plan allows at most 600 s");
  }

  @Test
  void dataChangeWantingRemovalsIsAProblem() {
    assertThat(
            new AzurePackager()
                .portabilityProblems(
                    index(
                        "sync",
                        30,
                        new TriggerSpec.DataChange("t", List.of("INSERT", "MODIFY", "REMOVE")))))
        .singleElement()
        .asString()
        .contains("does not report deletions")
        .contains("Declare kinds = {INSERT, MODIFY}");
  }

  @Test
  void writesHostJsonWithTheExtensionBundleAndAnEmptyRoutePrefix(@TempDir Path dir)
      throws Exception {
    new AzurePackager()
        .writeDescriptors(
            index("a", 90, new TriggerSpec.Http("GET", "/")),
            new PackagingContext(dir, dir, "app", dir.resolve("app.jar"), Map.of()));
    JsonNode host = new ObjectMapper().readTree(Files.readString(dir.resolve("host.json")));
    assertThat(host.path("version").asText()).isEqualTo("2.0");
    assertThat(host.path("extensionBundle").path("id").asText())
        .isEqualTo("Microsoft.Azure.Functions.ExtensionBundle");
    assertThat(host.path("extensionBundle").path("version").asText()).isEqualTo("[4.*, 5.0.0)");
    assertThat(host.path("extensions").path("http").path("routePrefix").asText()).isEmpty();
    assertThat(host.path("extensions").path("http").path("maxConcurrentRequests").asInt())
        .isEqualTo(100);
    assertThat(host.path("functionTimeout").asText()).isEqualTo("00:01:30");
  }

  private static JsonNode hostJson(Path dir, Map<String, String> environment, FunctionIndex index)
      throws Exception {
    new AzurePackager(environment)
        .writeDescriptors(
            index, new PackagingContext(dir, dir, "app", dir.resolve("app.jar"), Map.of()));
    return new ObjectMapper().readTree(Files.readString(dir.resolve("host.json")));
  }

  @Test
  void aServiceBusMessageLockIsRenewedForTheWholeTimeoutOfAFunctionRunningLongerThanFiveMinutes(
      @TempDir Path dir) throws Exception {
    // The extension renews a lock for 5 minutes by default; a handler still running after that
    // loses it, and Service Bus delivers the message again while it runs.
    JsonNode topic = hostJson(dir, Map.of(), index("audit", 540, new TriggerSpec.Topic("events")));
    assertThat(topic.at("/extensions/serviceBus/maxAutoLockRenewalDuration").asText())
        .isEqualTo("00:09:00");
    JsonNode queue =
        hostJson(
            dir,
            Map.of("ANYFN_AZURE_QUEUE", "servicebus"),
            index("orders", 420, new TriggerSpec.Queue("orders", 1)));
    assertThat(queue.at("/extensions/serviceBus/maxAutoLockRenewalDuration").asText())
        .isEqualTo("00:07:00");
    // Storage queues renew their messages' visibility themselves; within 5 minutes the default
    // does.
    assertThat(
            hostJson(dir, Map.of(), index("orders", 420, new TriggerSpec.Queue("orders", 1)))
                .at("/extensions/serviceBus")
                .isMissingNode())
        .isTrue();
    assertThat(
            hostJson(dir, Map.of(), index("audit", 300, new TriggerSpec.Topic("events")))
                .at("/extensions/serviceBus")
                .isMissingNode())
        .isTrue();
  }

  @Test
  void writesTheRoutesOpenApiDocumentWithThePathsAzureServes(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("app.jar");
    try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
      zip.putNextEntry(new java.util.zip.ZipEntry("META-INF/anyfn/openapi.json"));
      zip.write(
          ("{\"paths\":{\"/hello\":{\"get\":{\"tags\":[\"a\"]}},"
                  + "\"/orders\":{\"post\":{\"tags\":[\"b\"]}}}}")
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    FunctionIndex one = index("a", 30, new TriggerSpec.Http("GET", "/hello"));
    FunctionIndex two =
        new FunctionIndex(
            1,
            List.of(
                one.functions().get(0),
                index("b", 30, new TriggerSpec.Http("POST", "/orders")).functions().get(0)));
    PackagingContext context = new PackagingContext(dir, dir, "app", jar, Map.of());

    new AzurePackager().writeDescriptors(two, context);
    JsonNode prefixed = new ObjectMapper().readTree(dir.resolve("openapi.json").toFile());
    new AzurePackager().writeDescriptors(one, context);
    JsonNode asDeclared = new ObjectMapper().readTree(dir.resolve("openapi.json").toFile());

    assertThat(prefixed.get("paths").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("/a/hello", "/b/orders");
    assertThat(asDeclared.get("paths").properties())
        .extracting(Map.Entry::getKey)
        .containsExactly("/hello", "/orders");
  }
}
