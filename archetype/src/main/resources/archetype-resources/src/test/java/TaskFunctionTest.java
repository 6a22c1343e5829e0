package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.AnyfnTest;
import dev.anyfn.junit.FunctionLog;
import dev.anyfn.local.EventApi;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Sends messages to the emulator's {@code tasks} queue and checks what the function logged. Each
 * test starts with an empty queue, no dead letters and an empty log.
 */
@AnyfnTest
class TaskFunctionTest {
  @Test
  void aTaskIsDoneOnce(EventApi events, FunctionLog log) {
    events.send("tasks", "write the README");
    events.awaitIdle(Duration.ofSeconds(10));

    assertThat(log.entries("tasks")).singleElement()
        .satisfies(entry -> {
          assertThat(entry.message()).isEqualTo("task done");
          assertThat(entry.fields()).containsEntry("task", "write the README");
        });
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
