package dev.anyfn.aws;

import dev.anyfn.Event;
import java.util.ArrayList;
import java.util.List;

/**
 * The records of one Lambda event in delivery order: each is a translated neutral event or a reason
 * it could not be translated, with the identifier Lambda expects back in {@code batchItemFailures}
 * (the SQS message id, or the stream sequence number). Built by one translator, then read only.
 */
final class RecordBatch {
  /** One record: {@code event} or {@code reason} is null. */
  record Entry(String itemIdentifier, Event event, String reason) {}

  private final boolean ordered;
  private final List<Entry> entries = new ArrayList<>();
  private String trigger;

  /**
   * @param ordered whether the records must be processed in order, stopping at the first failure
   *     (SQS FIFO queues, Kinesis shards, DynamoDB streams)
   */
  RecordBatch(boolean ordered) {
    this.ordered = ordered;
  }

  void add(Event event, String itemIdentifier) {
    entries.add(new Entry(itemIdentifier, event, null));
  }

  void fail(String itemIdentifier, String reason) {
    entries.add(new Entry(itemIdentifier, null, reason));
  }

  /**
   * Names the trigger whose handler takes the batch ({@code TriggerSpec.describe}), for events that
   * say which (the template's schedule inputs); without one the core chooses by the events.
   */
  void forTrigger(String trigger) {
    this.trigger = trigger;
  }

  /** The trigger named by {@link #forTrigger}, or null. */
  String trigger() {
    return trigger;
  }

  boolean ordered() {
    return ordered;
  }

  List<Entry> entries() {
    return List.copyOf(entries);
  }
}
