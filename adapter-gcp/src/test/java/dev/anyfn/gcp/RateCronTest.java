package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateCronTest {
  @Test
  void ratesDividingAnHourOrADayAreExactCron() {
    assertThat(RateCron.of(60)).hasValue("* * * * *");
    assertThat(RateCron.of(15 * 60)).hasValue("*/15 * * * *");
    assertThat(RateCron.of(3600)).hasValue("0 * * * *");
    assertThat(RateCron.of(6 * 3600)).hasValue("0 */6 * * *");
    assertThat(RateCron.of(24 * 3600)).hasValue("0 0 * * *");
  }

  @Test
  void otherRatesHaveNoExactCron() {
    assertThat(RateCron.of(30)).isEmpty();
    assertThat(RateCron.of(7 * 60)).isEmpty();
    assertThat(RateCron.of(90 * 60)).isEmpty();
    assertThat(RateCron.of(5 * 3600)).isEmpty();
    assertThat(RateCron.of(48 * 3600)).isEmpty();
    assertThat(RateCron.of(0)).isEmpty();
  }
}
