package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.anyfn.QueueMessage;
import dev.anyfn.azure.fixture.LifecycleFunction;
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
}
