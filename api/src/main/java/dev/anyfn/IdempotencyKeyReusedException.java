package dev.anyfn;

/**
 * Thrown by {@link Context#once(String, Object, Class, java.util.function.Supplier)} when the key
 * was used before for a different payload: a client that reuses an idempotency key for another
 * request. An HTTP call is answered {@code 422}; an event fails for good (a retry would not change
 * the payload), so it goes to the dead-letter queue.
 */
public final class IdempotencyKeyReusedException extends HttpException {
  private static final long serialVersionUID = 1L;

  /**
   * @param key the key, as the handler gave it
   */
  public IdempotencyKeyReusedException(String key) {
    super(
        422,
        "The idempotency key '"
            + key
            + "' was used before for a different request; use a new key for a new request.");
  }
}
