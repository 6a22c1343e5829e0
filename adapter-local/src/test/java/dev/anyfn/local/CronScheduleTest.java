package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class CronScheduleTest {
  static final ZonedDateTime START = ZonedDateTime.parse("2026-03-01T10:07:30Z");

  static String next(String cron) {
    return CronSchedule.parse(cron).next(START).toString();
  }

  @Test
  void everyMinuteFiresAtTheNextWholeMinute() {
    assertThat(next("* * * * *")).isEqualTo("2026-03-01T10:08Z");
  }

  @Test
  void stepsRangesListsAndNamesAreUnderstood() {
    assertThat(next("*/15 * * * *")).isEqualTo("2026-03-01T10:15Z");
    assertThat(next("0 9-17/4 * * *")).isEqualTo("2026-03-01T13:00Z");
    assertThat(next("5,50 * * * *")).isEqualTo("2026-03-01T10:50Z");
    assertThat(next("0 8 * * MON-FRI")).isEqualTo("2026-03-02T08:00Z"); // 1 March 2026 is a Sunday
    assertThat(next("0 0 1 JAN *")).isEqualTo("2027-01-01T00:00Z");
    assertThat(next("0 0 * * 7")).isEqualTo("2026-03-08T00:00Z");
  }

  @Test
  void restrictedDayOfMonthAndDayOfWeekMatchEither() {
    assertThat(next("0 0 15 * MON")).isEqualTo("2026-03-02T00:00Z");
  }

  @Test
  void evaluatesInTheGivenZone() {
    ZonedDateTime paris = ZonedDateTime.parse("2026-03-01T10:00:00+01:00[Europe/Paris]");
    assertThat(CronSchedule.parse("30 2 * * *").next(paris).toInstant().toString())
        .isEqualTo("2026-03-02T01:30:00Z");
  }

  // EventBridge Scheduler: a time the clocks skip in spring is skipped; one they repeat in autumn
  // fires once.
  @Test
  void daylightSavingTimeSkipsTheMissingHourAndFiresTheRepeatedOneOnce() {
    CronSchedule at0130 = CronSchedule.parse("30 1 * * *");
    ZonedDateTime first =
        at0130.next(ZonedDateTime.parse("2026-11-01T00:00-04:00[America/New_York]"));
    assertThat(first.toString()).isEqualTo("2026-11-01T01:30-04:00[America/New_York]");
    assertThat(at0130.next(first).toString()).isEqualTo("2026-11-02T01:30-05:00[America/New_York]");

    CronSchedule at0230 = CronSchedule.parse("30 2 * * *");
    assertThat(
            at0230.next(ZonedDateTime.parse("2026-03-08T00:00-05:00[America/New_York]")).toString())
        .isEqualTo("2026-03-09T02:30-04:00[America/New_York]");

    CronSchedule hourly = CronSchedule.parse("0 * * * *");
    ZonedDateTime oneEdt = ZonedDateTime.parse("2026-11-01T01:00-04:00[America/New_York]");
    assertThat(hourly.next(oneEdt).toString())
        .isEqualTo("2026-11-01T01:00-05:00[America/New_York]");
  }

  @Test
  void badExpressionsSayWhatWasExpected() {
    assertThatThrownBy(() -> CronSchedule.parse("* * * *"))
        .hasMessage(
            "Cron expression '* * * *' has 4 fields; expected 5: minute hour day-of-month month"
                + " day-of-week.");
    assertThatThrownBy(() -> CronSchedule.parse("61 * * * *"))
        .hasMessage("Cron minute field '61' is not valid; expected values from 0 to 59.");
    assertThatThrownBy(() -> CronSchedule.parse("0 0 * FOO *"))
        .hasMessageContaining("Cron month field 'FOO' is not valid; expected a number or one of");
  }
}
