package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.EventApi;
import java.time.Duration;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** What one test leaves in the shared emulator is gone before the next test starts. */
@AnyfnTest(retryBackoffMillis = 5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestIsolationTest {
  @Test
  @Order(1)
  void aBlankNameIsDeadLettered(EventApi events) {
    events.send("names", " ");
    events.awaitIdle(Duration.ofSeconds(10));

    assertThat(events.deadLetters("names")).hasSize(1);
  }

  @Test
  @Order(2)
  void theNextTestDoesNotSeeTheDeadLetterOfTheFirst(EventApi events) {
    assertThat(events.deadLetters("names")).isEmpty();
  }
}
