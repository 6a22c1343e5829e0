package dev.anyfn.gcp;

import dev.anyfn.Headers;
import java.util.Locale;
import java.util.Optional;

/**
 * The trace and span of a request as Cloud Logging files log entries under them: a 32-hex-digit
 * trace id and a 16-hex-digit span id (null when the request names none). Read from Google's {@code
 * X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=1} (its span id in decimal), else from a W3C {@code
 * traceparent: 00-TRACE_ID-SPAN_ID-FLAGS}. Immutable.
 */
record GoogleTrace(String traceId, String spanId) {
  private static final String CLOUD_TRACE = "X-Cloud-Trace-Context";
  private static final String TRACEPARENT = "traceparent";

  /** The trace of a request; empty when neither header holds a well-formed trace id. */
  static Optional<GoogleTrace> of(Headers headers) {
    Optional<String> cloud = GoogleHeaders.ownRead(headers, CLOUD_TRACE);
    if (cloud.isPresent()) {
      return ofCloudTraceContext(cloud.get());
    }
    Optional<String> traceparent = GoogleHeaders.ownRead(headers, TRACEPARENT);
    return traceparent.isPresent() ? ofTraceparent(traceparent.get()) : Optional.empty();
  }

  /** The trace of {@code TRACE_ID/SPAN_ID;o=1}; empty when the trace id is not 32 hex digits. */
  static Optional<GoogleTrace> ofCloudTraceContext(String value) {
    String v = value.strip();
    int slash = v.indexOf('/');
    String trace = slash < 0 ? v : v.substring(0, slash);
    if (!isHex(trace, 32)) {
      return Optional.empty();
    }
    String span = null;
    if (slash >= 0) {
      int semicolon = v.indexOf(';', slash);
      String decimal = v.substring(slash + 1, semicolon < 0 ? v.length() : semicolon);
      try {
        String hex = Long.toHexString(Long.parseUnsignedLong(decimal));
        span = "0".repeat(16 - hex.length()) + hex;
      } catch (NumberFormatException e) {
        // no span, the trace still groups the entries
      }
    }
    return Optional.of(new GoogleTrace(trace.toLowerCase(Locale.ROOT), span));
  }

  /** The trace of a W3C {@code traceparent}; empty when it is malformed. */
  static Optional<GoogleTrace> ofTraceparent(String value) {
    String v = value.strip();
    if (v.length() < 55 || v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-') {
      return Optional.empty();
    }
    String trace = v.substring(3, 35);
    String span = v.substring(36, 52);
    if (!isHex(trace, 32) || !isHex(span, 16)) {
      return Optional.empty();
    }
    return Optional.of(
        new GoogleTrace(trace.toLowerCase(Locale.ROOT), span.toLowerCase(Locale.ROOT)));
  }

  /** Cloud Logging's name of this trace in {@code project}: {@code projects/P/traces/T}. */
  String name(String project) {
    return "projects/" + project + "/traces/" + traceId;
  }

  private static boolean isHex(String s, int length) {
    if (s.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
