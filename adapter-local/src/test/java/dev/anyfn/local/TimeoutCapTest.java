package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionSpec;
import dev.anyfn.core.index.HandlerSpec;
import dev.anyfn.core.index.TriggerSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function is stopped after the timeout its cloud would give it, and the start banner says so
 * when that is less than the function asks for.
 */
class TimeoutCapTest {
  @Test
  void googleGivesAnEventDrivenFunctionNineMinutesAndAnHttpFunctionAnHour() {
    FunctionSpec queue = function("worker", 3000, new TriggerSpec.Queue("jobs", 1));
    FunctionSpec http = function("api", 3000, new TriggerSpec.Http("GET", "/x"));
    FunctionSpec invoke = function("direct", 3000, new TriggerSpec.Invoke());

    assertThat(Profile.GCP.maxTimeoutSeconds(queue)).isEqualTo(540);
    assertThat(Profile.GCP.maxTimeoutSeconds(http)).isEqualTo(3600);
    assertThat(Profile.GCP.maxTimeoutSeconds(invoke)).isEqualTo(3600);
    assertThat(Profile.AWS.maxTimeoutSeconds(queue)).isEqualTo(900);
    assertThat(Profile.AZURE.maxTimeoutSeconds(http)).isEqualTo(600);
  }

  @Test
  void theBannerNamesEachFunctionWhoseTimeoutTheCloudWouldNotGiveIt() {
    List<FunctionSpec> functions =
        List.of(
            function("worker", 600, new TriggerSpec.Queue("jobs", 1)),
            function("api", 600, new TriggerSpec.Http("GET", "/x")),
            function("quick", 30, new TriggerSpec.Queue("mail", 1)));

    assertThat(StartBanner.cappedTimeouts(functions, Profile.GCP))
        .isEqualTo(
            "  worker asks for 600 s; Cloud Run functions' limit for an event-driven deployment"
                + " is 540 s, so the emulator stops it after 540 s\n");
    assertThat(StartBanner.cappedTimeouts(functions, Profile.AWS)).isEmpty();
    assertThat(
            StartBanner.cappedTimeouts(
                List.of(function("report", 1200, new TriggerSpec.Http("GET", "/r"))), Profile.AWS))
        .isEqualTo(
            "  report asks for 1200 s; AWS Lambda's limit is 900 s, so the emulator stops it"
                + " after 900 s\n");
  }

  private static FunctionSpec function(String name, int timeoutSeconds, TriggerSpec trigger) {
    HandlerSpec handler =
        new HandlerSpec(
            "handle", List.of(), "void", HandlerSpec.ReturnKind.VOID, trigger, List.of());
    return new FunctionSpec(
        name, "com.example.F", 256, timeoutSeconds, 10, List.of(), List.of(), List.of(handler));
  }
}
