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
