package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.when;

import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.TraceContext;
import dev.anyfn.Provider;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.RuntimeSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the neutral context carries from Azure's {@code ExecutionContext} and environment. */
class AzureContextTest {
  private static ClassLoader loader;

  @BeforeAll
  static void generate() throws Exception {
    loader = GeneratedEntries.generate(GeneratedEntries.fixtureIndex(), Map.of()).compile();
  }

  @Test
  void deploymentIdIsTheFunctionAppAndTheAzureFunctionName() {
    AzureApp app = AzureApp.load(loader, Map.of("WEBSITE_SITE_NAME", "shop-app"));
    assertThat(app.deploymentId(AzureMocks.context("inv-1"))).isEqualTo("shop-app/azure-name");
  }

  @Test
  void traceIdIsTheSecondFieldOfAWellFormedTraceparent() {
    assertThat(AzureApp.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void malformedTraceparentHasNoTraceId() {
    // upper-case hex, a missing dash, a short parent id, a non-hex character, trailing data
    assertThat(AzureApp.traceId("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(AzureApp.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736x00f067aa0ba902b7-01"))
        .isNull();
    assertThat(AzureApp.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902-01")).isNull();
    assertThat(AzureApp.traceId("00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01"))
        .isNull();
    assertThat(AzureApp.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-x"))
        .isNull();
  }

  @Test
  void traceIdIsReadFromTheExecutionContextIgnoringSurroundingSpace() {
    ExecutionContext context = AzureMocks.context("inv-1");
    TraceContext trace = context.getTraceContext();
    when(trace.getTraceparent())
        .thenReturn(" 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01 ");
    AzureApp app = AzureApp.load(loader, Map.of());
    assertThat(app.call("shop", context, null).context().traceId())
        .hasValue("4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void deadlineIsTheFunctionsTimeoutAfterTheInvocationBegins() {
    Instant now = Instant.parse("2026-01-02T03:04:05.678Z");
    Map<String, String> env = Map.of();
    RuntimeSettings settings =
        RuntimeSettings.builder().provider(Provider.AZURE).environment(env).build();
    AzureApp app =
        new AzureApp(
            FunctionRuntime.load(loader, settings),
            AzureRuntimeOptions.from(env),
            Clock.fixed(now, ZoneOffset.UTC));
    AzureApp.Call call = app.call("shop", AzureMocks.context("inv-1"), null);
    // Shop declares no timeout: the annotation's default of 30 seconds
    assertThat(call.context().deadline()).isEqualTo(now.plusSeconds(30));
    assertThat(call.context().remainingTime()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void whatOnInitLogsReachesTheStartingInvocationsLoggerWithItsLevel() {
    List<String> log = new ArrayList<>();
    List<Level> levels = new ArrayList<>();
    AzureApp app = AzureApp.load(loader, Map.of());

    app.call("lifecycle", AzureMocks.context("inv-1", log, levels), null);
    app.call("lifecycle", AzureMocks.context("inv-2", log, levels), null);

    assertThat(log).singleElement().asString().contains("lifecycle starting without a cache");
    assertThat(log.get(0)).contains("\"level\":\"WARN\"");
    assertThat(levels).containsExactly(Level.WARNING);
  }

  @Test
  void deploymentIdIsTheAzureFunctionNameOutsideAnApp() {
    AzureApp app = AzureApp.load(loader, Map.of());
    assertThat(app.deploymentId(AzureMocks.context("inv-1"))).isEqualTo("azure-name");
  }
}
