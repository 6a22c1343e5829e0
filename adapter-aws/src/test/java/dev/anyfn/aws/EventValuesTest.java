package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The scalar values inside AWS events: epoch timestamps and DynamoDB numbers. */
class EventValuesTest {

  @Test
  void epochSecondsKeepFractionsAndSigns() {
    assertThat(Timestamps.epochSeconds("1700000000.25"))
        .isEqualTo(Instant.ofEpochSecond(1_700_000_000L, 250_000_000));
    assertThat(Timestamps.epochSeconds("1.7E9")).isEqualTo(Instant.ofEpochSecond(1_700_000_000L));
    assertThat(Timestamps.epochSeconds("-1.5")).isEqualTo(Instant.ofEpochMilli(-1_500));
  }

  // Found by LambdaEventFuzzTest: a DateTimeException escaped, and such exponents hung the handler.
  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void epochSecondsThatAreNoTimeGiveNullAtOnceWhateverTheirExponent() {
    assertThat(Timestamps.epochSeconds("1e99999999")).isNull();
    assertThat(Timestamps.epochSeconds("1e-99999999")).isNull();
    assertThat(Timestamps.epochSeconds("1e30")).isNull();
    assertThat(Timestamps.epochSeconds("31556889864403200")).isNull(); // past Instant.MAX
    assertThat(Timestamps.epochSeconds("1".repeat(65))).isNull();
    assertThat(Timestamps.epochMillis(String.valueOf(Long.MAX_VALUE))).isNotNull();
  }

  @Test
  void dynamoDbNumbersKeepTheirDigitsAsSent() throws Exception {
    JsonNode n = AttributeValues.value(Lambda.JSON.readTree("{\"N\":\"10\"}"), "NewImage.count");
    assertThat(n.toString()).isEqualTo("10");
    assertThat(AttributeValues.value(Lambda.JSON.readTree("{\"N\":\"9.5E+125\"}"), "x").isNumber())
        .isTrue();
    assertThat(AttributeValues.value(Lambda.JSON.readTree("{\"N\":\"-1E-130\"}"), "x").isNumber())
        .isTrue();
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void dynamoDbNumbersBeyondDynamoDbsLimitsAreRefusedNamingThePath() throws Exception {
    for (String bad :
        new String[] {"1e99999999", "1e-99999999", "1E+126", "1E-131", "1".repeat(39)}) {
      JsonNode attribute = Lambda.JSON.readTree("{\"N\":\"" + bad + "\"}");
      assertThatThrownBy(() -> AttributeValues.value(attribute, "NewImage.count"))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("NewImage.count is type N but '")
          .hasMessageContaining("beyond DynamoDB's numbers");
    }
    assertThatThrownBy(
            () -> AttributeValues.value(Lambda.JSON.readTree("{\"N\":\"12abc\"}"), "Keys.id"))
        .hasMessage("Keys.id is type N but '12abc' is not a number.");
  }
}
