package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.Provider;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class InvocationContextTest {
  @Test
  void traceIdFromAHeaderIsParsedOnlyWhenAskedAndOnce() {
    List<String> parsed = new ArrayList<>();
    InvocationContext context =
        InvocationContext.builder()
            .requestId("r")
            .functionName("f")
            .traceId(
                h -> {
                  parsed.add(h);
                  return h.substring(3, 7);
                },
                "00-abcd-rest")
            .build();

    assertThat(parsed).as("not parsed at build").isEmpty();
    assertThat(context.traceId()).hasValue("abcd");
    assertThat(context.traceId()).hasValue("abcd");
    assertThat(parsed).containsExactly("00-abcd-rest");
  }

  @Test
  void traceIdIsEmptyWithoutAHeaderOrWhenTheParserRefusesIt() {
    InvocationContext none =
        InvocationContext.builder()
            .requestId("r")
            .functionName("f")
            .traceId(h -> "never", null)
            .build();
    InvocationContext malformed =
        InvocationContext.builder()
            .requestId("r")
            .functionName("f")
            .traceId(h -> null, "garbage")
            .build();

    assertThat(none.traceId()).isEmpty();
    assertThat(malformed.traceId()).isEmpty();
  }

  @Test
  void withoutADeadlineItIsFifteenMinutesAfterBuildNotAfterFirstUse() {
    HandClock clock = new HandClock(Instant.parse("2026-01-01T10:00:00.123Z"));
    InvocationContext c =
        InvocationContext.builder().requestId("r").functionName("f").clock(clock).build();
    clock.now = Instant.parse("2026-01-01T10:05:00.123Z");
    assertThat(c.deadline()).isEqualTo(Instant.parse("2026-01-01T10:15:00.123Z"));
    assertThat(c.remainingTime()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.deadline()).isSameAs(c.deadline());
  }

  @Test
  void aTimeoutIsCountedFromBuildAndAnExplicitDeadlineWins() {
    HandClock clock = new HandClock(Instant.parse("2026-01-01T10:00:00.500Z"));
    InvocationContext c =
        InvocationContext.builder()
            .requestId("r")
            .functionName("f")
            .clock(clock)
            .timeout(Duration.ofSeconds(30))
            .build();
    clock.now = Instant.parse("2026-01-01T10:00:10.500Z");
    assertThat(c.deadline()).isEqualTo(Instant.parse("2026-01-01T10:00:30.500Z"));
    assertThat(c.remainingTime()).isEqualTo(Duration.ofSeconds(20));
    Instant fixed = Instant.parse("2026-01-01T11:00:00Z");
    assertThat(
            InvocationContext.builder()
                .requestId("r")
                .functionName("f")
                .clock(clock)
                .timeout(Duration.ofSeconds(30))
                .deadline(fixed)
                .build()
                .deadline())
        .isEqualTo(fixed);
    assertThatThrownBy(() -> InvocationContext.builder().timeout(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("PT-1S");
  }

  @Test
  void aGivenDeadlineIsKeptAndRemainingTimeReadsTheClockEachTime() {
    HandClock clock = new HandClock(Instant.parse("2026-01-01T10:00:00Z"));
    Instant deadline = Instant.parse("2026-01-01T10:00:30Z");
    InvocationContext c =
        InvocationContext.builder()
            .requestId("r")
            .functionName("f")
            .clock(clock)
            .deadline(deadline)
            .build();
    assertThat(c.deadline()).isEqualTo(deadline);
    assertThat(c.remainingTime()).isEqualTo(Duration.ofSeconds(30));
    clock.now = Instant.parse("2026-01-01T10:00:40Z");
    assertThat(c.remainingTime()).isEqualTo(Duration.ofSeconds(-10));
  }

  @Test
  void logLinesGoToTheGivenSinkAndTheLogIsMadeOnce() {
    List<String> lines = new ArrayList<>();
    InvocationContext c =
        InvocationContext.builder()
            .requestId("req-1")
            .functionName("f")
            .logSink(lines::add)
            .build();
    c.log().info("hello");
    assertThat(c.log()).isSameAs(c.log());
    assertThat(lines).singleElement().asString().contains("hello").contains("req-1");
  }

  @Test
  void aLeveledSinkGetsEachLineWithItsLevelAndGoogleLinesTheInvocationsTrace() {
    List<String> lines = new ArrayList<>();
    List<Level> levels = new ArrayList<>();
    InvocationContext c =
        InvocationContext.builder()
            .requestId("req-1")
            .functionName("f")
            .provider(Provider.GCP)
            .logTrace("projects/p/traces/abc", "00f067aa0ba902b7")
            .leveledLogSink(
                (level, line) -> {
                  levels.add(level);
                  lines.add(line);
                })
            .build();

    c.log().warn("slow");
    c.log().error("failed", null);

    assertThat(levels).containsExactly(Level.WARNING, Level.SEVERE);
    assertThat(lines.get(0))
        .contains("\"severity\":\"WARNING\"")
        .contains("\"logging.googleapis.com/trace\":\"projects/p/traces/abc\"")
        .contains("\"logging.googleapis.com/spanId\":\"00f067aa0ba902b7\"");
  }

  @Test
  void requestIdAndFunctionNameAreRequired() {
    assertThatThrownBy(() -> InvocationContext.builder().functionName("f").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("requestId");
    assertThatThrownBy(() -> InvocationContext.builder().requestId("r").build())
        .isInstanceOf(NullPointerException.class)
        .hasMessage("functionName");
  }
}
