package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.local.EventApi;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What functions log is there for a test to check, and only what its own test logged. */
@AnyfnTest(maxAttempts = 2, retryBackoffMillis = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FunctionLogTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  @Order(1)
  void whatAHandlerLogsIsAnEntryOfItsFunctionWithItsFields(EventApi events, FunctionLog log) {
    String id = events.send("shouts", "hi");
    events.awaitIdle(WAIT);

    assertThat(log.entries("greeter"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.level()).isEqualTo("INFO");
              assertThat(e.message()).isEqualTo("shout heard");
              assertThat(e.fields()).containsEntry("text", "hi").containsEntry("length", 2);
              assertThat(e.requestId()).isPresent();
              assertThat(e.line()).startsWith("{").contains("\"text\":\"hi\"");
            });
    assertThat(log.lines()).anySatisfy(line -> assertThat(line).startsWith("REPORT"));
    assertThat(id).isNotBlank();
  }

  @Test
  @Order(2)
  void aFailingMessageIsAttemptedMaxAttemptsTimesThenDeadLettered(
      EventApi events, FunctionLog log) {
    events.send("shouts", "fail");
    events.awaitIdle(WAIT);

    assertThat(log.messages("greeter")).filteredOn("shout heard"::equals).hasSize(2);
    assertThat(log.entries("greeter"))
        .filteredOn(e -> e.level().equals("ERROR"))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e.fields())
                    .containsEntry("errorType", IllegalStateException.class.getName())
                    .containsEntry("errorMessage", "cannot shout that"));
    assertThat(events.deadLetters("shouts")).hasSize(1);
  }

  @Test
  @Order(3)
  void eachTestStartsWithAnEmptyLog(FunctionLog log) {
    assertThat(log.entries("greeter")).isEmpty();
    assertThat(log.lines()).noneSatisfy(line -> assertThat(line).contains("shout heard"));
  }

  @Test
  @Order(4)
  void aMisspelledFunctionNameIsRefusedNamingTheFunctions(FunctionLog log) {
    assertThatThrownBy(() -> log.entries("greetr"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'greetr'")
        .hasMessageContaining("greeter");
  }

  @Test
  @Order(5)
  void aNegativeMaxAttemptsIsRefusedSayingWhatToWrite() {
    AnyfnTest negative = Negative.class.getAnnotation(AnyfnTest.class);

    assertThatThrownBy(
            () ->
                AnyfnExtension.configure(
                    dev.anyfn.local.Emulator.builder(), negative, Negative.class))
        .hasMessageContaining("@AnyfnTest(maxAttempts) -1")
        .hasMessageContaining("write 0 for the profile's attempts, or 1 or more");
  }

  @AnyfnTest(maxAttempts = -1)
  static class Negative {}
}
