package dev.anyfn.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CronFieldsTest {
  @Test
  void dayOfWeekFieldsBecomeTheSetOfDaysSundayZero() {
    assertThat(CronFields.daysOfWeek("*")).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(CronFields.daysOfWeek("MON-FRI")).containsExactly(1, 2, 3, 4, 5);
    assertThat(CronFields.daysOfWeek("sun,Sat")).containsExactly(0, 6);
    assertThat(CronFields.daysOfWeek("7")).containsExactly(0);
    assertThat(CronFields.daysOfWeek("5-7")).containsExactly(0, 5, 6);
    assertThat(CronFields.daysOfWeek("0-7")).containsExactly(0, 1, 2, 3, 4, 5, 6);
    assertThat(CronFields.daysOfWeek("*/2")).containsExactly(0, 2, 4, 6);
    assertThat(CronFields.daysOfWeek("1-5/2")).containsExactly(1, 3, 5);
    assertThat(CronFields.daysOfWeek("3/2")).containsExactly(0, 3, 5);
  }

  @Test
  void aDayOfWeekThatIsNoDaySaysWhichItemIsWrong() {
    assertThatThrownBy(() -> CronFields.daysOfWeek("1,FRY"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Day-of-week 'FRY' has 'FRY' where a number or a day name belongs.");
    assertThatThrownBy(() -> CronFields.daysOfWeek("5-2"))
        .hasMessage("Day-of-week '5-2' is not a day, a range of days or a step within 0-7.");
    assertThatThrownBy(() -> CronFields.daysOfWeek("*/0"))
        .hasMessage("Day-of-week '*/0' is not a day, a range of days or a step within 0-7.");
    assertThatThrownBy(() -> CronFields.daysOfWeek("8"))
        .hasMessage("Day-of-week '8' is not a day, a range of days or a step within 0-7.");
  }
}
