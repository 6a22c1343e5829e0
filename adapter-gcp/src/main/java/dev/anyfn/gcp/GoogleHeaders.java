package dev.anyfn.gcp;

import com.google.cloud.functions.HttpRequest;
import java.util.Optional;

/** The request headers Google's front end adds. */
final class GoogleHeaders {
  /** The execution id Google's functions front end sets on each request. */
  static final String EXECUTION_ID = "Function-Execution-Id";

  private static final String CLOUD_TRACE = "X-Cloud-Trace-Context";
  private static final String TRACEPARENT = "traceparent";

  private GoogleHeaders() {}

  /**
   * The trace id: from {@code X-Cloud-Trace-Context: TRACE_ID/SPAN_ID;o=1}, else the W3C {@code
   * traceparent} header.
   */
  static Optional<String> traceId(HttpRequest request) {
    Optional<String> cloud = request.getFirstHeader(CLOUD_TRACE);
    if (cloud.isPresent()) {
      String v = cloud.get();
      int slash = v.indexOf('/');
      return Optional.of(slash < 0 ? v : v.substring(0, slash)).filter(s -> !s.isBlank());
    }
    return request.getFirstHeader(TRACEPARENT).filter(s -> !s.isBlank());
  }
}
