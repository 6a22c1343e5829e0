package dev.anyfn.gcp;

/**
 * The handler failed on an event and retrying may help. Thrown to Google's invoker, which answers
 * 500, so that the platform redelivers the event when the deployment has {@code --retry}.
 */
final class EventFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EventFailedException(String message) {
    super(message);
  }
}
