package dev.anyfn.azure;

import dev.anyfn.core.BatchOutcome.ItemFailure;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown from an entry method when a handler failed on an event, so that the Functions host retries
 * the delivery; a Storage queue message moves to {@code <queue>-poison} after {@code
 * maxDequeueCount} (5) attempts, a Service Bus message to its dead-letter queue after {@code
 * MaxDeliveryCount}. The message names events and reasons only, never a stack trace.
 */
final class EventFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  EventFailedException(String function, List<ItemFailure> failures) {
    super(
        "Function '"
            + function
            + "' failed on "
            + failures.size()
            + (failures.size() == 1 ? " event: " : " events: ")
            + failures.stream()
                .map(
                    f ->
                        f.eventId()
                            + " ("
                            + f.code()
                            + (f.permanent() ? ", permanent: retrying cannot help" : "")
                            + ": "
                            + f.reason()
                            + ")")
                .collect(Collectors.joining("; "))
            + ". The host retries the delivery.");
  }
}
