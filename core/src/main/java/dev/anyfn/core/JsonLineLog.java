package dev.anyfn.core;

import dev.anyfn.Log;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Writes one JSON object per line, redacting values of secret-looking keys. */
final class JsonLineLog implements Log {
  /** Words of a key (or their plurals) that mark its value as a secret. */
  private static final Set<String> SECRET_WORDS =
      Set.of(
          "authorization",
          "password",
          "passwd",
          "secret",
          "token",
          "cookie",
          "credential",
          "apikey",
          "bearer");

  /** Words before "key" that make it a secret one: apiKey, x-api-key, privateKey, ... */
  private static final Set<String> KEY_KINDS =
      Set.of("api", "private", "secret", "access", "signing", "encryption", "master", "client");

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

  /**
   * Whether a key names a secret, by its words ({@code userPassword}, {@code x-api-key}, {@code
   * auth_token}), not by what it contains: {@code monkey}, {@code keyword} or a storage event's
   * {@code key} are not secrets.
   */
  static boolean isSecret(String key) {
    List<String> words = words(key);
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      String singular = w.endsWith("s") ? w.substring(0, w.length() - 1) : w;
      if (SECRET_WORDS.contains(w) || SECRET_WORDS.contains(singular)) {
        return true;
      }
      if (singular.equals("key") && i > 0 && KEY_KINDS.contains(words.get(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The lower-case words of a key split at separators and at camel-case humps. */
  static List<String> words(String key) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(words, w);
        continue;
      }
      boolean hump =
          Character.isUpperCase(c)
              && i > 0
              && (Character.isLowerCase(key.charAt(i - 1))
                  || (i + 1 < key.length()
                      && Character.isUpperCase(key.charAt(i - 1))
                      && Character.isLowerCase(key.charAt(i + 1))));
      if (hump) {
        flush(words, w);
      }
      w.append(Character.toLowerCase(c));
    }
    flush(words, w);
    return words;
  }

  private static void flush(List<String> words, StringBuilder w) {
    if (w.length() > 0) {
      words.add(w.toString());
      w.setLength(0);
    }
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
