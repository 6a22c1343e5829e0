package dev.anyfn.local;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the delivery queues whose dead letters a name asks for. Each subscriber of an event source
 * has a delivery queue of its own, retried and dead-lettered on its own; a user names the source:
 *
 * <ol>
 *   <li>a queue: its delivery queues (one, or one per function when several read it);
 *   <li>a delivery queue by its own name ({@code topic/order-events/audit}, {@code
 *       schedule/nightly#2}), which a dead letter's {@code queue} carries: that one alone;
 *   <li>a topic, a bucket or a table: the delivery queues of every function that takes its events;
 *       a function with schedules: the delivery queues of all its schedules. A name that is more
 *       than one of these is refused, naming the delivery queues to ask for instead.
 * </ol>
 *
 * Immutable once the emulator has started; thread-safe.
 */
final class DeadLetterNames {
  private final EventHub hub;
  private final QueueSource queues;
  private final TopicSource topics;
  private final StorageSource storage;
  private final TableSource tables;
  private final ScheduleSource schedules;

  DeadLetterNames(
      EventHub hub,
      QueueSource queues,
      TopicSource topics,
      StorageSource storage,
      TableSource tables,
      ScheduleSource schedules) {
    this.hub = hub;
    this.queues = queues;
    this.topics = topics;
    this.storage = storage;
    this.tables = tables;
    this.schedules = schedules;
  }

  /**
   * The delivery queues {@code name} stands for, in the order the emulator made them.
   *
   * @throws IllegalArgumentException when nothing of that name keeps dead letters, or the name is a
   *     topic, bucket, table or scheduled function at once
   */
  List<EventQueue> resolve(String name) {
    List<EventQueue> queue = queues.deliveryQueues(name);
    if (!queue.isEmpty()) {
      return queue;
    }
    Optional<EventQueue> own = hub.find(name);
    if (own.isPresent()) {
      return List.of(own.get());
    }
    Map<String, List<EventQueue>> sources = new LinkedHashMap<>();
    addIfAny(sources, "a topic", topics.deliveryQueues(name));
    addIfAny(sources, "a bucket", storage.deliveryQueues(name));
    addIfAny(sources, "a table", tables.deliveryQueues(name));
    addIfAny(sources, "a function with a schedule", schedules.deliveryQueues(name));
    if (sources.size() == 1) {
      return sources.values().iterator().next();
    }
    if (sources.isEmpty()) {
      throw new IllegalArgumentException(
          "Nothing named '"
              + name
              + "' keeps dead letters. Expected a queue a function reads "
              + queues.queueNames()
              + ", a topic one subscribes to "
              + topics.subscribedTopics()
              + ", a bucket "
              + storage.watchedBuckets()
              + " or table "
              + tables.watchedTables()
              + " one watches, a function with a schedule "
              + schedules.scheduledFunctions()
              + ", or one delivery queue by its own name "
              + hub.queues().stream().map(q -> q.name).toList()
              + ". Check the name.");
    }
    List<String> each = new ArrayList<>();
    sources.values().forEach(list -> list.forEach(q -> each.add(q.name)));
    throw new AmbiguousName(
        "'"
            + name
            + "' is "
            + String.join(" and ", sources.keySet())
            + "; ask for the dead letters of one of their delivery queues by its own name: "
            + each
            + ".");
  }

  /** A name that is several sources at once: found, but the caller must pick one. */
  static final class AmbiguousName extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    AmbiguousName(String message) {
      super(message);
    }
  }

  private static void addIfAny(
      Map<String, List<EventQueue>> sources, String kind, List<EventQueue> queues) {
    if (!queues.isEmpty()) {
      sources.put(kind, queues);
    }
  }
}
