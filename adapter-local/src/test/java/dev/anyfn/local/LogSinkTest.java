package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogSinkTest {
  @Test
  void aWarningQuotingCallerTextStaysOneLineSoNoLineCanBeForged() {
    List<String> lines = new ArrayList<>();

    new LogSink(lines::add)
        .warn("Event e-1 dead-lettered: duplicate field 'a\nWARNING: forged line\r\u0000'\tx");

    assertThat(lines)
        .containsExactly(
            "WARNING: Event e-1 dead-lettered: duplicate field"
                + " 'a\\nWARNING: forged line\\r\\u0000'\tx");
  }

  @Test
  void plainTextIsLeftAsItIs() {
    assertThat(LogSink.oneLine("nothing to escape")).isEqualTo("nothing to escape");
  }
}
