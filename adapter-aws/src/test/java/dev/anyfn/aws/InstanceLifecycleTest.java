package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.anyfn.aws.fixtures.LifecycleFunction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstanceLifecycleTest {
  @BeforeEach
  void resetCounts() {
    LifecycleFunction.INITS.set(0);
    LifecycleFunction.SHUTDOWNS.set(0);
    LifecycleFunction.WORK.set(0);
  }

  @Test
  void anInstanceWhoseHandlerThrewAnErrorIsShutDownWhenANewOneReplacesIt() {
    Lambda lambda = new Lambda(Map.of("ANYFN_FUNCTION", "aws-lifecycle"));
    assertThat(catchThrowable(() -> lambda.callText("error"))).isNotNull();
    assertThat(LifecycleFunction.SHUTDOWNS).hasValue(0);

    assertThat(lambda.callText("fine")).contains("ok");

    assertThat(LifecycleFunction.INITS).hasValue(2);
    assertThat(LifecycleFunction.SHUTDOWNS).hasValue(1);
  }

  @Test
  void workThatRanOnPastTheDeadlineIsNotStoredSoItsRetryRunsItAgain() {
    Lambda lambda = new Lambda(Map.of("ANYFN_FUNCTION", "aws-lifecycle"));

    Throwable timedOut =
        catchThrowable(
            () ->
                lambda.call(
                    "late:400".getBytes(StandardCharsets.UTF_8),
                    new TestLambdaContext("req-late", 300, null)));
    assertThat(timedOut).isInstanceOf(FunctionFailedException.class);

    assertThat(lambda.callText("late:0")).contains("work #2");
  }
}
