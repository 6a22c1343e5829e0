package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.gcp.fixtures.LifecycleFunction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
}
