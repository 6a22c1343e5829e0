package dev.anyfn;

import java.time.Duration;

/**
 * Thrown by {@link Context#once} when another invocation is running the work of the same key: an
 * HTTP call is answered {@code 409} with {@code Retry-After}, an event is retried later (by when
 * the other invocation is done, the retry gets its result).
 */
public final class AlreadyInProgressException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  /**
   * @param key the key, as the handler gave it
   * @param retryAfter how long until the other invocation's claim ends at the latest
   */
  public AlreadyInProgressException(String key, Duration retryAfter) {
    super(
        409,
        "The work of key '"
            + key
            + "' is running in another invocation; try again when it is done (at most "
            + Math.max(1, retryAfter.toSeconds())
            + " s).");
    this.retryAfter = retryAfter;
  }

  /** How long until the other invocation's claim ends at the latest. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
