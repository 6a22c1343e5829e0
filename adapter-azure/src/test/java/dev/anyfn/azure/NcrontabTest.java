package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.index.TriggerSpec;
import org.junit.jupiter.api.Test;

class NcrontabTest {
  private static Ncrontab.Result cron(String cron) throws Exception {
    return Ncrontab.convert(new TriggerSpec.Schedule(cron, "", 0, "UTC"));
  }

  private static Ncrontab.Result rate(String rate, long seconds) throws Exception {
    return Ncrontab.convert(new TriggerSpec.Schedule("", rate, seconds, "UTC"));
  }

  @Test
  void cronGainsAZeroSecondsField() throws Exception {
    assertThat(cron("*/5 * * * *").expression()).isEqualTo("0 */5 * * * *");
    assertThat(cron("30 2 1 */2 *").expression()).isEqualTo("0 30 2 1 */2 *");
  }

  @Test
  void dayOfWeekNamesAndSevenBecomeZeroToSix() throws Exception {
    assertThat(cron("30 2 * * MON-FRI").expression()).isEqualTo("0 30 2 * * 1,2,3,4,5");
    assertThat(cron("0 9 * * 7").expression()).isEqualTo("0 0 9 * * 0");
    assertThat(cron("0 9 * * 5-7").expression()).isEqualTo("0 0 9 * * 0,5,6");
    assertThat(cron("0 9 * * sun,wed").expression()).isEqualTo("0 0 9 * * 0,3");
    assertThat(cron("0 9 * * 0-7").expression()).isEqualTo("0 0 9 * * *");
  }

  @Test
  void monthNamesBecomeNumbers() throws Exception {
    assertThat(cron("0 0 1 JAN,jul *").expression()).isEqualTo("0 0 0 1 1,7 *");
  }

  @Test
  void cronRestrictingBothDayFieldsIsInexpressible() {
    assertThatThrownBy(() -> cron("0 0 1 * MON"))
        .isInstanceOf(Ncrontab.Inexpressible.class)
        .hasMessage(
            "cron '0 0 1 * MON' restricts both day-of-month (1) and day-of-week (MON): cron runs"
                + " when either matches, NCRONTAB only when both match. Use two schedules, one per"
                + " day field");
  }

  @Test
  void ratesThatDivideTheClockBecomeNcrontab() throws Exception {
    assertThat(rate("30s", 30).expression()).isEqualTo("*/30 * * * * *");
    assertThat(rate("1m", 60).expression()).isEqualTo("0 * * * * *");
    assertThat(rate("5m", 300).expression()).isEqualTo("0 */5 * * * *");
    assertThat(rate("2h", 7200).expression()).isEqualTo("0 0 */2 * * *");
    assertThat(rate("1d", 86_400).expression()).isEqualTo("0 0 0 * * *");
    assertThat(rate("5m", 300).timeSpan()).isFalse();
  }

  @Test
  void otherRatesBecomeTimeSpans() throws Exception {
    assertThat(rate("7m", 420)).isEqualTo(new Ncrontab.Result("00:07:00", true));
    assertThat(rate("90m", 5400)).isEqualTo(new Ncrontab.Result("01:30:00", true));
    assertThat(rate("2d", 172_800)).isEqualTo(new Ncrontab.Result("2.00:00:00", true));
  }

  @Test
  void utcAliasesAreUtcAndOtherZonesAreNot() {
    assertThat(Ncrontab.utc(new TriggerSpec.Schedule("0 0 * * *", "", 0, "UTC"))).isTrue();
    assertThat(Ncrontab.utc(new TriggerSpec.Schedule("0 0 * * *", "", 0, "Etc/UTC"))).isTrue();
    assertThat(Ncrontab.utc(new TriggerSpec.Schedule("0 0 * * *", "", 0, "Europe/Paris")))
        .isFalse();
  }
}
