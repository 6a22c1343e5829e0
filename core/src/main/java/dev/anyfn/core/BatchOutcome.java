package dev.anyfn.core;

import java.util.List;

/**
 * What became of a batch of events: the items that failed, by index into the batch given. Every
 * other item succeeded and may be acknowledged. Immutable.
 *
 * @param failures the failed items, by ascending index
 */
public record BatchOutcome(List<ItemFailure> failures) {
  /** Copies the list. */
  public BatchOutcome {
    failures = List.copyOf(failures);
  }

  /** Whether every item succeeded. */
  public boolean allSucceeded() {
    return failures.isEmpty();
  }

  /**
   * One failed item.
   *
   * @param index the index in the batch
   * @param eventId the event's id
   * @param permanent {@code true} when retrying cannot help (a {@code PermanentFailureException} or
   *     a body that cannot be bound): dead-letter it
   * @param code {@code handler_error}, {@code permanent_failure}, {@code unbindable} or {@code
   *     in_progress} (its {@code Context.once} work runs in another invocation)
   * @param reason a one-line reason for logs and dead-letter records
   */
  public record ItemFailure(
      int index, String eventId, boolean permanent, String code, String reason) {}
}
