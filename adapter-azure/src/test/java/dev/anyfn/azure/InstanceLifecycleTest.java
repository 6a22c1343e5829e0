package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.anyfn.QueueMessage;
import dev.anyfn.azure.fixture.LifecycleFunction;
import dev.anyfn.azure.fixture.RetiredRaceFunction;
import dev.anyfn.core.BatchOutcome;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Azure runs many invocations at once on one instance; retiring it must wait for them. */
class InstanceLifecycleTest {
  private static QueueMessage message(String body) {
    return QueueMessage.builder()
        .id("m-" + body)
        .queue("lifecycle")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  @Test
  void anInstanceLeftUnhealthyShutsDownOnceAfterTheCallsStillRunningOnIt() throws Exception {
    AzureApp app = AzureApp.load(getClass().getClassLoader(), Map.of());
    CompletableFuture<Throwable> waiting =
        CompletableFuture.supplyAsync(
            () ->
                catchThrowable(
                    () ->
                        app.deliver(
                            "lifecycle",
                            "QUEUE lifecycle",
                            List.of(message("wait")),
                            AzureMocks.context("inv-1"),
                            null)));
    assertThat(LifecycleFunction.entered.await(5, TimeUnit.SECONDS)).isTrue();

    Throwable failed =
        catchThrowable(
            () ->
                app.deliver(
                    "lifecycle",
                    "QUEUE lifecycle",
                    List.of(message("error")),
                    AzureMocks.context("inv-2"),
                    null));
    assertThat(failed).isInstanceOf(EventFailedException.class);
    assertThat(LifecycleFunction.SHUTDOWNS).hasValue(0);

    LifecycleFunction.gate.countDown();
    assertThat(waiting.get(5, TimeUnit.SECONDS)).isNull();

    assertThat(LifecycleFunction.SHUTDOWNS).hasValue(1);
    assertThat(LifecycleFunction.SHUTDOWNS_WHILE_IN_FLIGHT).hasValue(0);
  }

  @Test
  void aCallHoldingAnInstanceRetiredUnderItRunsOnTheNewInstance() {
    AzureApp app = AzureApp.load(getClass().getClassLoader(), Map.of());
    // This invocation takes the warm instance...
    AzureApp.Call taken = app.call("retired-race", AzureMocks.context("inv-1"), null);
    // ...and before its handler starts, another one leaves that instance unhealthy: retired, and
    // shut down at once, since no call is in flight on it.
    assertThat(
            catchThrowable(
                () ->
                    app.deliver(
                        "retired-race",
                        "QUEUE race",
                        List.of(raceMessage("error")),
                        AzureMocks.context("inv-2"),
                        null)))
        .isInstanceOf(EventFailedException.class);
    assertThat(RetiredRaceFunction.SHUTDOWNS).hasValue(1);

    BatchOutcome outcome =
        app.run(
            "retired-race",
            taken,
            AzureMocks.context("inv-1"),
            null,
            (instance, context) -> instance.handleEvents(List.of(raceMessage("work")), context));

    assertThat(outcome.allSucceeded()).isTrue();
    assertThat(RetiredRaceFunction.CALLS_AFTER_SHUTDOWN).hasValue(0);
    assertThat(RetiredRaceFunction.INSTANCES).hasValue(2);
    assertThat(RetiredRaceFunction.lastServedBy).isEqualTo(2);
  }

  private static QueueMessage raceMessage(String body) {
    return QueueMessage.builder()
        .id("r-" + body)
        .queue("race")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
