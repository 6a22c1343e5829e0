package dev.anyfn.azure;

import dev.anyfn.ScheduleEvent;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A timer trigger's firing as a neutral {@link ScheduleEvent}. The timer's JSON ({@code
 * ScheduleStatus}, {@code IsPastDue}) carries no time of the firing itself, so the scheduled time
 * is the invocation's start, truncated to the second.
 */
final class TimerTranslator {
  private TimerTranslator() {}

  static ScheduleEvent event(String function, String invocationId, Instant now) {
    Instant scheduled = now.truncatedTo(ChronoUnit.SECONDS);
    return ScheduleEvent.builder()
        .id(invocationId)
        .source("azure:timer/" + function)
        .type("Microsoft.Azure.Functions.Timer")
        .time(now)
        .scheduledTime(scheduled)
        .build();
  }
}
