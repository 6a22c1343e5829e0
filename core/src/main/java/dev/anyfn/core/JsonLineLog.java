package dev.anyfn.core;

import dev.anyfn.Log;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/** Writes one JSON object per line, redacting values of secret-looking keys. */
final class JsonLineLog implements Log {
  private static final Set<String> SECRET_WORDS =
      Set.of("authorization", "password", "secret", "token", "key", "cookie", "credential");
  private static final int MAX_LINE = 16 * 1024;

  /** The keys this log writes itself; a caller's key of the same name gets a {@code _} prefix. */
  private static final Set<String> RESERVED_KEYS =
      Set.of(
          "time",
          "level",
          "function",
          "requestId",
          "message",
          "errorType",
          "errorMessage",
          "stackTrace");

  private final Consumer<String> sink;
  private final String functionName;
  private final String requestId;
  private final Clock clock;

  JsonLineLog(Consumer<String> sink, String functionName, String requestId, Clock clock) {
    this.sink = sink;
    this.functionName = functionName;
    this.requestId = requestId;
    this.clock = clock;
  }

  @Override
  public void info(String message, Object... keyValues) {
    write("INFO", message, null, keyValues);
  }

  @Override
  public void warn(String message, Object... keyValues) {
    write("WARN", message, null, keyValues);
  }

  @Override
  public void error(String message, Throwable error, Object... keyValues) {
    write("ERROR", message, error, keyValues);
  }

  private void write(String level, String message, Throwable error, Object... keyValues) {
    String trace = null;
    if (error != null) {
      StringWriter w = new StringWriter();
      error.printStackTrace(new PrintWriter(w));
      trace = w.toString();
    }
    String line = line(level, message, error, trace, keyValues, false);
    if (line.length() > MAX_LINE) {
      // Each text cut to its share, whole escapes only, so the line stays JSON; the trace's first
      // line (the exception's message again) cut too, so that the frames are kept.
      String head = String.valueOf(error);
      if (trace != null && head.length() > 1_024 && trace.startsWith(head)) {
        trace = head.substring(0, 1_024) + "...[truncated]" + trace.substring(head.length());
      }
      line = line(level, message, error, trace, keyValues, true);
      if (line.length() > MAX_LINE) {
        // many fields, each within its share: the caller's fields go, the rest is kept
        line = line(level, message, error, trace, new Object[] {"truncated", true}, true);
      }
    }
    sink.accept(line);
  }

  private String line(
      String level,
      String message,
      Throwable error,
      String trace,
      Object[] keyValues,
      boolean cut) {
    int text = cut ? 2_048 : Integer.MAX_VALUE;
    int value = cut ? 512 : Integer.MAX_VALUE;
    StringBuilder b = new StringBuilder(128);
    b.append("{\"time\":\"").append(clock.instant()).append("\",\"level\":\"").append(level);
    b.append("\",\"function\":");
    quote(b, functionName, value);
    if (requestId != null) {
      b.append(",\"requestId\":");
      quote(b, requestId, value);
    }
    b.append(",\"message\":");
    quote(b, message, text);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      String key = String.valueOf(keyValues[i]);
      if (RESERVED_KEYS.contains(key)) {
        key = "_" + key; // one value per key: log tools keep only one of two
      }
      b.append(',');
      quote(b, key, value);
      b.append(':');
      Object v = keyValues[i + 1];
      if (isSecret(key)) {
        b.append("\"[redacted]\"");
      } else if (v instanceof Number || v instanceof Boolean) {
        b.append(v);
      } else {
        quote(b, String.valueOf(v), value);
      }
    }
    if (error != null) {
      b.append(",\"errorType\":");
      quote(b, error.getClass().getName(), value);
      b.append(",\"errorMessage\":");
      quote(b, String.valueOf(error.getMessage()), text);
      b.append(",\"stackTrace\":");
      quote(b, trace, cut ? MAX_LINE / 2 : Integer.MAX_VALUE);
    }
    return b.append('}').toString();
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(k::contains);
  }

  static void quote(StringBuilder b, String s) {
    quote(b, s, Integer.MAX_VALUE);
  }

  /**
   * {@code s} as a JSON string, cut after about {@code max} characters of output (never inside an
   * escape) and marked {@code ...[truncated]}.
   */
  static void quote(StringBuilder b, String s, int max) {
    b.append('"');
    int limit = max == Integer.MAX_VALUE ? Integer.MAX_VALUE : b.length() + max;
    for (int i = 0; i < s.length(); i++) {
      if (b.length() >= limit) {
        b.append("...[truncated]");
        break;
      }
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    b.append('"');
  }
}
