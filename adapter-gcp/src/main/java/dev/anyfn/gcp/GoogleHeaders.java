package dev.anyfn.gcp;

import dev.anyfn.Headers;
import java.util.Optional;

/** The request headers Google's front end adds, read from the translated request headers. */
final class GoogleHeaders {
  /** The execution id Google's functions front end sets on each request. */
  static final String EXECUTION_ID = "Function-Execution-Id";

  private GoogleHeaders() {}

  /** The execution id, when Google sent a non-blank one. */
  static Optional<String> executionId(Headers headers) {
    Optional<String> id = headers.first(EXECUTION_ID);
    return id.isPresent() ? nonBlank(id.get()) : id;
  }

  // plain code rather than Optional.filter(lambda): this runs on the first request of a cold start
  private static Optional<String> nonBlank(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
