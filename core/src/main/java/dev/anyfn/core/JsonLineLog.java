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
    StringBuilder b = new StringBuilder(128);
    b.append("{\"time\":\"").append(clock.instant()).append("\",\"level\":\"").append(level);
    b.append("\",\"function\":");
    quote(b, functionName);
    if (requestId != null) {
      b.append(",\"requestId\":");
      quote(b, requestId);
    }
    b.append(",\"message\":");
    quote(b, message);
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      String key = String.valueOf(keyValues[i]);
      if (RESERVED_KEYS.contains(key)) {
        key = "_" + key; // one value per key: log tools keep only one of two
      }
      b.append(',');
      quote(b, key);
      b.append(':');
      Object value = keyValues[i + 1];
      if (isSecret(key)) {
        b.append("\"[redacted]\"");
      } else if (value instanceof Number || value instanceof Boolean) {
        b.append(value);
      } else {
        quote(b, String.valueOf(value));
      }
    }
    if (error != null) {
      b.append(",\"errorType\":");
      quote(b, error.getClass().getName());
      b.append(",\"errorMessage\":");
      quote(b, String.valueOf(error.getMessage()));
      StringWriter trace = new StringWriter();
      error.printStackTrace(new PrintWriter(trace));
      b.append(",\"stackTrace\":");
      quote(b, trace.toString());
    }
    b.append('}');
    String line =
        b.length() > MAX_LINE ? b.substring(0, MAX_LINE) + "...[truncated]\"}" : b.toString();
    sink.accept(line);
  }

  static boolean isSecret(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    return SECRET_WORDS.stream().anyMatch(k::contains);
  }

  static void quote(StringBuilder b, String s) {
    b.append('"');
    for (int i = 0; i < s.length(); i++) {
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
