package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.fixtures.LifecycleFunction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RetireTest {
  private final TestRuntime rt = new TestRuntime();
  private final FunctionInstance instance = rt.instance("fx-lifecycle");
  private final LifecycleFunction target = (LifecycleFunction) instance.target();

  private InvokeOutcome invoke(String what) {
    return instance.invoke(what.getBytes(StandardCharsets.UTF_8), rt.context("fx-lifecycle"));
  }

  @Test
  void anIdleInstanceShutsDownWhenRetiredAndOnlyOnce() {
    invoke("now");

    instance.retire();
    instance.retire();

    assertThat(target.shutdowns).hasValue(1);
    assertThat(instance.retired()).isTrue();
    assertThat(rt.logs).noneMatch(line -> line.contains("@OnShutdown"));
  }

  @Test
  void aRetiredInstanceShutsDownOnlyOnceItsLastCallHasReturned() throws Exception {
    CompletableFuture<InvokeOutcome> slow = CompletableFuture.supplyAsync(() -> invoke("wait"));
    assertThat(target.entered.await(5, TimeUnit.SECONDS)).isTrue();

    instance.retire();
    assertThat(target.shutdowns).hasValue(0);

    target.proceed.countDown();
    slow.get(5, TimeUnit.SECONDS);

    assertThat(target.shutdowns).hasValue(1);
    assertThat(target.callsWhenShutDown).isZero();
    assertThat(rt.logs).noneMatch(line -> line.contains("@OnShutdown"));
  }

  @Test
  void aCallBeginningAfterRetireIsRefusedAndItsHandlerNotRun() {
    invoke("now");
    instance.retire();

    assertThatThrownBy(() -> invoke("late"))
        .isInstanceOf(FunctionInstance.RetiredException.class)
        .hasMessage(
            "This instance of function 'fx-lifecycle' was retired before the call began; the"
                + " handler did not run. Call the function's current instance.");

    assertThat(target.calls).hasValue(1);
    assertThat(target.shutdowns).hasValue(1);
  }

  @Test
  void aRefusedCallDoesNotShutTheInstanceDownUnderOneStillRunning() throws Exception {
    CompletableFuture<InvokeOutcome> slow = CompletableFuture.supplyAsync(() -> invoke("wait"));
    assertThat(target.entered.await(5, TimeUnit.SECONDS)).isTrue();
    instance.retire();

    assertThatThrownBy(() -> invoke("late")).isInstanceOf(FunctionInstance.RetiredException.class);
    assertThat(target.shutdowns).hasValue(0);

    target.proceed.countDown();
    slow.get(5, TimeUnit.SECONDS);
    assertThat(target.shutdowns).hasValue(1);
    assertThat(target.callsWhenShutDown).isZero();
    assertThat(target.calls).hasValue(1);
  }

  @Test
  void whatAShutdownHookThrowsIsLogged() {
    target.shutdowns.set(1); // the hook throws, as it does on a second run

    instance.retire();

    assertThat(rt.logs)
        .anySatisfy(
            line ->
                assertThat(line)
                    .contains("\"level\":\"ERROR\"")
                    .contains("An @OnShutdown method of function 'fx-lifecycle' failed")
                    .contains("shut down twice"));
  }
}
