package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CronExpressionsTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "0 2 * * *",
        "*/15 * * * *",
        "0-30/5 8-18 * * MON-FRI",
        "0 0 1,15 * *",
        "0 12 * JAN,jul *",
        "59 23 31 12 7",
        "0 0 * * 0",
        "  5   4 * * sun  ",
        "0 9 * DEC-DEC SAT",
        "0 0 29 2 *",
        "0 0 30-31 2,3 *",
        "0 0 */10 2 *"
      })
  void acceptsTheFiveFieldGrammar(String cron) {
    assertThatCode(() -> CronExpressions.check(cron)).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "61 * * * *    | minute 61 is outside 0-59",
        "0 24 * * *    | hour 24 is outside 0-23",
        "0 0 0 * *     | day-of-month 0 is outside 1-31",
        "0 0 * 13 *    | month 13 is outside 1-12",
        "0 0 * * 8     | day-of-week 8 is outside 0-7",
        "0 0 * * FRY   | day-of-week 'FRY' is not a number 0-7 or a name SUN-SAT",
        "x * * * *     | minute 'x' is not a number 0-59",
        "*/0 * * * *   | minute step '0' in '*/0' is not a positive number",
        "5/10 * * * *  | minute '5/10' has a step without a range; write '*/10' or 'a-b/10'",
        "0 18-8 * * *  | hour range '18-8' runs backwards; write the smaller value first",
        "1,,2 * * * *  | minute '1,,2' has an empty list element",
        "-1 * * * *    | minute '-1' is not a value or a range a-b",
        "0 0 * * * *   | it has 6 fields",
        "0             | it has 1 field",
        "0 0 30 2 *    | day-of-month '30' never falls in month '2', so the schedule would never fire",
        "0 0 31 APR,JUN,SEP,NOV * | day-of-month '31' never falls in month 'APR,JUN,SEP,NOV', so the"
            + " schedule would never fire"
      })
  void namesTheFirstWrongField(String cron, String problem) {
    assertThatThrownBy(() -> CronExpressions.check(cron))
        .isInstanceOf(SyntaxProblem.class)
        .hasMessage(problem);
  }

  @Test
  void findsScheduleRestrictingBothDayFields() {
    assertThat(CronExpressions.bothDayFields("0 2 1 * MON")).containsExactly("1", "MON");
    assertThat(CronExpressions.bothDayFields("0 2 1 * *")).isEmpty();
    assertThat(CronExpressions.bothDayFields("0 2 * * MON")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({"30s,30", "5m,300", "2h,7200", "1d,86400", "0m,0", "5,0", "m,0", "-5m,0", "5 m,0"})
  void convertsRatesToSecondsAndInvalidRatesToZero(String rate, long seconds) {
    assertThat(Schedules.rateSeconds(rate)).isEqualTo(seconds);
  }
}
