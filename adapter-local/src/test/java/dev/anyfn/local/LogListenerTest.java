package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class LogListenerTest {
  @Test
  void aListenerGetsEveryLineTheSinkGetsAndTheSinkStillGetsThem() {
    List<String> heard = new CopyOnWriteArrayList<>();
    List<String> sink;
    try (Harness h = new Harness(Emulator.builder().logListener(heard::add))) {
      assertThat(h.get("/hello").statusCode()).isEqualTo(200);
      sink = h.log;
    }

    assertThat(sink).anySatisfy(line -> assertThat(line).startsWith("REPORT"));
    assertThat(heard).isEqualTo(sink);
  }
}
