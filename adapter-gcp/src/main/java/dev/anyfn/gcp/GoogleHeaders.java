package dev.anyfn.gcp;

import dev.anyfn.Headers;
import java.util.Optional;

/** The request headers Google's front end adds, read from the translated request headers. */
final class GoogleHeaders {
  /** The execution id Google's functions front end sets on each request. */
  static final String EXECUTION_ID = "Function-Execution-Id";

  private static final String CLOUD_TRACE = "X-Cloud-Trace-Context";
  private static final String TRACEPARENT = "traceparent";

  private GoogleHeaders() {}

  /** The execution id, when Google sent a non-blank one. */
  static Optional<String> executionId(Headers headers) {
    Optional<String> id = headers.first(EXECUTION_ID);
    return id.isPresent() ? nonBlank(id.get()) : id;
  }

  /**
   * The trace id: from {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=1}, else the W3C {@code
   * traceparent} header.
   */
  static Optional<String> traceId(Headers headers) {
    Optional<String> cloud = headers.first(CLOUD_TRACE);
    if (cloud.isPresent()) {
      String v = cloud.get();
      int slash = v.indexOf('/');
      return nonBlank(slash < 0 ? v : v.substring(0, slash));
    }
    Optional<String> traceparent = headers.first(TRACEPARENT);
    return traceparent.isPresent() ? nonBlank(traceparent.get()) : traceparent;
  }

  // plain code rather than Optional.filter(lambda): this runs on the first request of a cold start
  private static Optional<String> nonBlank(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
