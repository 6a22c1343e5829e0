package dev.anyfn.gcp;

import dev.anyfn.Headers;
import dev.anyfn.HttpException;
import java.util.Optional;

/** The request headers Google's front end adds, read from the translated request headers. */
final class GoogleHeaders {
  /** The execution id Google's functions front end sets on each request. */
  static final String EXECUTION_ID = "Function-Execution-Id";

  private GoogleHeaders() {}

  /** The execution id, when Google sent a non-blank one. */
  static Optional<String> executionId(Headers headers) {
    Optional<String> id = ownRead(headers, EXECUTION_ID);
    return id.isPresent() ? nonBlank(id.get()) : id;
  }

  /**
   * The first value of a header the adapter reads for its own use (the execution id, the trace), or
   * empty when it is absent or malformed: a malformed one is then refused with a 400 only if the
   * function itself reads it.
   */
  static Optional<String> ownRead(Headers headers, String name) {
    try {
      return headers.first(name);
    } catch (HttpException e) {
      return Optional.empty();
    }
  }

  // plain code rather than Optional.filter(lambda): this runs on the first request of a cold start
  private static Optional<String> nonBlank(String value) {
    return value.isBlank() ? Optional.empty() : Optional.of(value);
  }
}
