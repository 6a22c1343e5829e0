package dev.anyfn;

/**
 * Thrown by an event handler for an event that will never succeed (a poison message). The event is
 * not retried: it goes to the dead-letter store (emulator), is reported as a non-retryable failure,
 * or is dropped where the provider has no such notion (documented per adapter). Any other exception
 * from an event handler means "retry".
 */
public class PermanentFailureException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A permanent failure with a reason. */
  public PermanentFailureException(String reason) {
    super(reason);
  }

  /** A permanent failure with a reason and its cause. */
  public PermanentFailureException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
