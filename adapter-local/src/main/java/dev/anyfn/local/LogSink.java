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

  /**
   * A warning, on one line: warnings quote what callers sent (an event's error, a message body's
   * field name), so line breaks and other control characters in it are escaped, and no caller can
   * forge a console line.
   */
  void warn(String line) {
    sink.accept("WARNING: " + oneLine(line));
  }

  static String oneLine(String text) {
    StringBuilder b = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' || c == 0x7f) {
        if (b == null) {
          b = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        b.append(c == '\n' ? "\\n" : c == '\r' ? "\\r" : String.format("\\u%04x", (int) c));
      } else if (b != null) {
        b.append(c);
      }
    }
    return b == null ? text : b.toString();
  }
}
