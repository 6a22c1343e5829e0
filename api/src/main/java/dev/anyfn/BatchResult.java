package dev.anyfn;

import java.util.Collection;
import java.util.List;

/**
 * What a batch handler ({@code List<QueueMessage>} in) reports: the ids of the messages that failed
 * and must be retried. Every other message of the batch is acknowledged. Immutable.
 */
public final class BatchResult {
  private static final BatchResult SUCCESS = new BatchResult(List.of());
  private final List<String> failedIds;

  private BatchResult(List<String> failedIds) {
    this.failedIds = failedIds;
  }

  /** Every message succeeded. */
  public static BatchResult success() {
    return SUCCESS;
  }

  /** These messages failed; ids as given by {@link Event#id()}. */
  public static BatchResult failed(Collection<String> ids) {
    return ids.isEmpty() ? SUCCESS : new BatchResult(List.copyOf(ids));
  }

  /** These messages failed. */
  public static BatchResult failed(String... ids) {
    return failed(List.of(ids));
  }

  /** The failed message ids, in the order given. */
  public List<String> failedIds() {
    return failedIds;
  }

  @Override
  public String toString() {
    return "BatchResult" + failedIds;
  }
}
