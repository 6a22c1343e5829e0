package dev.anyfn;

/**
 * Thrown by an event handler for an event that will never succeed (a poison message). The emulator
 * sets it aside at once, in its dead letters. The clouds cannot be told to skip the retries of one
 * message, so the adapters report it as a failure, logged as permanent, and it reaches the
 * dead-letter queue after the remaining delivery attempts, never dropped (documented per adapter).
 * Any other exception from an event handler means "retry".
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
