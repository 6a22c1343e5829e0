package dev.anyfn.core;

import dev.anyfn.Log;
import dev.anyfn.Provider;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.logging.Level;

/**
 * Writes one JSON object per line, redacting values of secret-looking keys, and hands each line to
 * its sink with its level ({@link Level#INFO}, {@link Level#WARNING} or {@link Level#SEVERE}).
 *
 * <p>Every line has {@code level} (INFO, WARN, ERROR: the field AWS Lambda's JSON log format
 * filters on). On Google it also has the fields Cloud Logging reads from a JSON line: {@code
 * severity} (INFO, WARNING, ERROR), the invocation's {@code logging.googleapis.com/trace} and
 * {@code spanId} when known, and for errors what Error Reporting reads: the stack trace as {@code
 * stack_trace} (instead of {@code stackTrace}), or, for an error without a throwable, {@code @type}
 * ReportedErrorEvent.
 */
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

  private static final String TRACE = "logging.googleapis.com/trace";
  private static final String SPAN_ID = "logging.googleapis.com/spanId";
  private static final String REPORTED_ERROR_EVENT =
      "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent";

  /**
   * The keys this log writes itself, on any provider (so that a caller's key means the same
   * everywhere); a caller's key of the same name gets a {@code _} prefix.
   */
  private static final Set<String> RESERVED_KEYS =
      Set.of(
          "time",
          "timestamp",
          "level",
          "severity",
          "function",
          "requestId",
          "message",
          "errorType",
          "errorMessage",
          "stackTrace",
          "stack_trace",
          "@type",
          TRACE,
          SPAN_ID);

  private final BiConsumer<Level, String> sink;
  private final boolean google;

  /**
   * The line's first characters, up to its time's value: {@code timestamp} on AWS, the key Lambda's
   * log-level filtering reads its time from (without a valid one it files the line at INFO whatever
   * its level), {@code time} elsewhere, which Cloud Logging reads.
   */
  private final String timeKey;

  private final String functionName;
  private final String requestId;
  private final String traceName;
  private final String spanId;
  private final Clock clock;

  /**
   * A log of {@code functionName}'s invocation {@code requestId} (null at startup), on {@code
   * provider}; {@code traceName} (Google's {@code projects/<project>/traces/<id>}) and {@code
   * spanId}, each nullable, are written on Google only.
   */
  JsonLineLog(
      BiConsumer<Level, String> sink,
      Provider provider,
      String functionName,
      String requestId,
      String traceName,
      String spanId,
      Clock clock) {
    this.sink = sink;
    this.google = provider == Provider.GCP;
    this.timeKey = provider == Provider.AWS ? "{\"timestamp\":\"" : "{\"time\":\"";
    this.functionName = functionName;
    this.requestId = requestId;
    this.traceName = traceName;
    this.spanId = traceName == null ? null : spanId;
    this.clock = clock;
  }

  @Override
  public void info(String message, Object... keyValues) {
    write(Level.INFO, message, null, keyValues);
  }

  @Override
  public void warn(String message, Object... keyValues) {
    write(Level.WARNING, message, null, keyValues);
  }

  @Override
  public void error(String message, Throwable error, Object... keyValues) {
    write(Level.SEVERE, message, error, keyValues);
  }

  private void write(Level level, String message, Throwable error, Object... keyValues) {
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
    sink.accept(level, line);
  }

  private String line(
      Level level, String message, Throwable error, String trace, Object[] keyValues, boolean cut) {
    int text = cut ? 2_048 : Integer.MAX_VALUE;
    int value = cut ? 512 : Integer.MAX_VALUE;
    StringBuilder b = new StringBuilder(128);
    b.append(timeKey).append(clock.instant()).append("\",\"level\":\"");
    b.append(level == Level.SEVERE ? "ERROR" : level == Level.WARNING ? "WARN" : "INFO");
    if (google) {
      b.append("\",\"severity\":\"").append(level == Level.SEVERE ? "ERROR" : level.getName());
    }
    b.append("\",\"function\":");
    quote(b, functionName, value);
    if (requestId != null) {
      b.append(",\"requestId\":");
      quote(b, requestId, value);
    }
    if (google && traceName != null) {
      b.append(",\"" + TRACE + "\":");
      quote(b, traceName, value);
      if (spanId != null) {
        b.append(",\"" + SPAN_ID + "\":");
        quote(b, spanId, value);
      }
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
      // Error Reporting reads a Java stack trace from a field named stack_trace
      b.append(google ? ",\"stack_trace\":" : ",\"stackTrace\":");
      quote(b, trace, cut ? MAX_LINE / 2 : Integer.MAX_VALUE);
    } else if (google && level == Level.SEVERE) {
      // Error Reporting takes an entry of this type as an error event, its message the text
      b.append(",\"@type\":\"" + REPORTED_ERROR_EVENT + "\"");
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
