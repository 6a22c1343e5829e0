package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Headers;
import org.junit.jupiter.api.Test;

class GoogleTraceTest {
  private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

  @Test
  void googlesTraceHeaderGivesTheTraceAndItsDecimalSpanInHex() {
    assertThat(GoogleTrace.ofCloudTraceContext(TRACE + "/18446744073709551615;o=1"))
        .hasValue(new GoogleTrace(TRACE, "ffffffffffffffff"));
    assertThat(GoogleTrace.ofCloudTraceContext(TRACE + "/1"))
        .hasValue(new GoogleTrace(TRACE, "0000000000000001"));
    assertThat(GoogleTrace.ofCloudTraceContext(TRACE)).hasValue(new GoogleTrace(TRACE, null));
    assertThat(GoogleTrace.ofCloudTraceContext(TRACE + "/not-a-number;o=1"))
        .hasValue(new GoogleTrace(TRACE, null));
  }

  @Test
  void aTraceparentGivesTheTraceAndSpan() {
    assertThat(GoogleTrace.ofTraceparent("00-" + TRACE + "-00F067AA0BA902B7-01"))
        .hasValue(new GoogleTrace(TRACE, "00f067aa0ba902b7"));
  }

  @Test
  void malformedHeadersGiveNoTrace() {
    assertThat(GoogleTrace.ofCloudTraceContext("abc/1;o=1")).isEmpty();
    assertThat(GoogleTrace.ofCloudTraceContext("z".repeat(32) + "/1")).isEmpty();
    assertThat(GoogleTrace.ofTraceparent("00-abc-def-01")).isEmpty();
    assertThat(GoogleTrace.ofTraceparent("00-" + "z".repeat(32) + "-00f067aa0ba902b7-01"))
        .isEmpty();
  }

  @Test
  void googlesHeaderWinsOverATraceparentAndNeitherGivesNone() {
    Headers both =
        Headers.builder()
            .add("traceparent", "00-" + "1".repeat(32) + "-00f067aa0ba902b7-01")
            .add("X-Cloud-Trace-Context", TRACE + "/1;o=1")
            .build();

    assertThat(GoogleTrace.of(both)).hasValue(new GoogleTrace(TRACE, "0000000000000001"));
    assertThat(GoogleTrace.of(Headers.empty())).isEmpty();
  }

  @Test
  void itsNameInAProjectIsCloudLoggingsTraceResourceName() {
    assertThat(new GoogleTrace(TRACE, null).name("demo-project"))
        .isEqualTo("projects/demo-project/traces/" + TRACE);
  }
}
