package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.AnyfnTest;
import dev.anyfn.local.EventApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Sends messages to the emulator's {@code tasks} queue. */
@AnyfnTest
class TaskFunctionTest {
  @Test
  void aTaskIsConsumed(EventApi events) {
    events.send("tasks", "write the README");
    events.awaitIdle(Duration.ofSeconds(10));

    assertThat(events.deadLetters("tasks")).isEmpty();
  }

  @Test
  void anEmptyTaskFailsPermanentlyAndIsDeadLettered(EventApi events) {
    events.send("tasks", " ");
    events.awaitIdle(Duration.ofSeconds(10));

    assertThat(events.deadLetters("tasks")).singleElement()
        .satisfies(letter -> assertThat(letter.bodyText()).isEqualTo(" "));
  }
}
