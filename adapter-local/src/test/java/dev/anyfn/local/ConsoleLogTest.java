package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleLogTest {
  @Test
  void linesFromManyThreadsAreAllWrittenOnceEachInEachThreadsOrderByClose() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleLog log = new ConsoleLog(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int id = t;
      threads.add(
          new Thread(
              () -> {
                for (int i = 0; i < 2000; i++) {
                  log.accept("t" + id + " " + i);
                }
              }));
    }
    threads.forEach(Thread::start);
    for (Thread t : threads) {
      t.join();
    }
    log.close();
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split(System.lineSeparator());
    assertThat(lines).hasSize(8 * 2000);
    int[] next = new int[8];
    for (String line : lines) {
      String[] parts = line.split(" ");
      int thread = Integer.parseInt(parts[0].substring(1));
      assertThat(Integer.parseInt(parts[1])).isEqualTo(next[thread]++);
    }
  }

  @Test
  void aLineLoggedAfterCloseIsStillWritten() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsoleLog log = new ConsoleLog(new PrintStream(bytes, false, StandardCharsets.UTF_8));
    log.accept("before");
    log.close();
    log.accept("late shutdown hook failure");
    assertThat(bytes.toString(StandardCharsets.UTF_8))
        .isEqualTo(
            "before"
                + System.lineSeparator()
                + "late shutdown hook failure"
                + System.lineSeparator());
  }
}
