package dev.anyfn.local;

import java.util.function.Consumer;

/** Where the emulator's own lines (route table, REPORT lines, warnings) go. Thread-safe. */
final class LogSink {
  private final Consumer<String> sink;

  LogSink(Consumer<String> sink) {
    this.sink = sink;
  }

  void line(String line) {
    sink.accept(line);
  }

  void warn(String line) {
    sink.accept("WARNING: " + line);
  }
}
