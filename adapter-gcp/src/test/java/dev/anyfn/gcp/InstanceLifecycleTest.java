package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.gcp.fixtures.LifecycleFunction;
import dev.anyfn.gcp.fixtures.RetiredRaceFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Google may run several requests at once on one instance; replacing it must wait for them. */
class InstanceLifecycleTest {
  private final InvokeEntryPoint entry =
      new InvokeEntryPoint(
          Map.of(GcpSettings.FUNCTION, "gcp-lifecycle", GcpSettings.TRIGGER, "INVOKE"));

  private int post(String body) {
    try {
      FakeGoogleHttp.Response response = new FakeGoogleHttp.Response();
      entry.service(
          new FakeGoogleHttp.Request(
              "POST",
              "/",
              Map.of("Content-Type", List.of("text/plain")),
              body.getBytes(StandardCharsets.UTF_8)),
          response);
      return response.status;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aCallReturningAfterGooglesTimeoutIsAnsweredAsTimedOut() {
    assertThat(post("late")).isEqualTo(504);
  }

  @Test
  void aReplacedInstanceShutsDownOnlyAfterTheCallStillRunningOnIt() throws Exception {
    CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> post("wait"));
    assertThat(LifecycleFunction.entered.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(post("error")).isEqualTo(500);

    assertThat(post("fine")).isEqualTo(200); // on a new instance
    assertThat(LifecycleFunction.SHUTDOWNS).hasValue(0);

    LifecycleFunction.gate.countDown();
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(LifecycleFunction.SHUTDOWNS).hasValue(1);
    assertThat(LifecycleFunction.SHUTDOWNS_WHILE_IN_FLIGHT).hasValue(0);
  }

  @Test
  void aCallHoldingAnInstanceRetiredUnderItRunsOnTheReplacement() {
    DeployedFunction function =
        DeployedFunction.load(
            GcpSettings.from(
                Map.of(GcpSettings.FUNCTION, "gcp-retired-race", GcpSettings.TRIGGER, "INVOKE")),
            getClass().getClassLoader());
    AtomicInteger attempts = new AtomicInteger();

    InvokeOutcome outcome =
        function.run(
            taken -> {
              if (attempts.incrementAndGet() == 1) {
                // Between taking the instance and calling it, another request's handler throws an
                // Error, and the next request replaces the instance, which shuts down at once.
                function.run(other -> other.invoke(bytes("error"), context(function)));
                function.instance();
                assertThat(RetiredRaceFunction.SHUTDOWNS).hasValue(1);
              }
              return taken.invoke(bytes("work"), context(function));
            });

    assertThat(outcome.httpResponse("r").bodyText()).isEqualTo("\"served by 2\"");
    assertThat(attempts).hasValue(2);
    assertThat(RetiredRaceFunction.CALLS_AFTER_SHUTDOWN).hasValue(0);
  }

  private static byte[] bytes(String payload) {
    return payload.getBytes(StandardCharsets.UTF_8);
  }

  private static dev.anyfn.core.InvocationContext context(DeployedFunction function) {
    return function.context(Optional.empty(), Optional.empty());
  }
}
