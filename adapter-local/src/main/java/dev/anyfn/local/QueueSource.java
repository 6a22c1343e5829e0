package dev.anyfn.local;

import dev.anyfn.QueueMessage;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * The emulator's queues. A message sent to a queue goes to one of its consumers (round robin when
 * several functions consume the same queue) as a {@link QueueMessage} whose delivery attempt counts
 * up on each retry. A queue whose dead letters the cloud moves to a queue that a function reads
 * ({@code orders-poison} for {@code orders}, as every cloud names it) sends them there.
 * Thread-safe.
 */
final class QueueSource {
  private final EventHub hub;
  private final Map<String, List<EventQueue>> byQueue = new LinkedHashMap<>();

  private final AtomicInteger roundRobin = new AtomicInteger();

  /** Messages sent by functions to queues no function reads. */
  private final UnreadMessages<QueueMessage> unconsumed;

  /**
   * @param deadLetterQueue where the cloud moves a queue's dead letters; when a function reads that
   *     queue, dead letters are sent to it instead of being kept
   * @param batches whether the cloud hands a handler up to its {@code batchSize} messages per call
   *     ({@link Profile#queueBatches}); otherwise each message is a call of its own
   */
  QueueSource(
      EventHub hub,
      List<InstancePool> pools,
      UnaryOperator<String> deadLetterQueue,
      boolean batches) {
    this.hub = hub;
    Map<String, List<Map.Entry<InstancePool, TriggerSpec.Queue>>> consumers = new LinkedHashMap<>();
    for (InstancePool pool : pools) {
      for (TriggerSpec t : pool.function().spec().triggers()) {
        if (t instanceof TriggerSpec.Queue q) {
          consumers.computeIfAbsent(q.name(), k -> new ArrayList<>()).add(Map.entry(pool, q));
        }
      }
    }
    consumers.forEach(
        (name, list) -> {
          List<EventQueue> queues = new ArrayList<>();
          for (var c : list) {
            String qname = list.size() == 1 ? name : name + "/" + c.getKey().name();
            int batchSize = batches ? c.getValue().batchSize() : 1;
            EventQueue q = hub.newQueue(qname, c.getKey(), batchSize, c.getValue());
            hub.add(q);
            queues.add(q);
          }
          byQueue.put(name, List.copyOf(queues));
        });
    List<String> unread = new ArrayList<>();
    for (InstancePool pool : pools) {
      for (String queue : pool.function().spec().sendsTo()) {
        if (!byQueue.containsKey(queue)) {
          unread.add(queue);
        }
      }
    }
    this.unconsumed = new UnreadMessages<>("queue", "sends to", "reading", "reads", unread);
    byQueue.forEach(
        (name, queues) -> {
          String dlq = deadLetterQueue.apply(name);
          if (byQueue.containsKey(dlq)) {
            queues.forEach(
                q -> q.forwardDeadLetters(dlq, e -> send(dlq, e.id, e.body, e.attributes)));
          }
        });
  }

  private String keep(String queue, String id, byte[] body, Map<String, String> attributes) {
    QueueMessage message =
        QueueMessage.builder()
            .id(id)
            .queue(queue)
            .body(body.clone())
            .attributes(attributes)
            .source("anyfn:local:queue:" + queue)
            .type("anyfn.local.queue.message")
            .build();
    if (!unconsumed.keep(queue, message)) {
      throw new IllegalArgumentException(
          "No function consumes queue '"
              + queue
              + "'; the queues with consumers are "
              + byQueue.keySet()
              + ". Check the name in @OnQueue.");
    }
    return id;
  }

  /**
   * The messages functions sent to {@code queue} when no function reads it, oldest first.
   *
   * @throws IllegalArgumentException when no function sends to the queue or one reads it
   */
  List<QueueMessage> unconsumed(String queue) {
    return unconsumed.of(queue, byQueue::containsKey);
  }

  /** Drops the messages kept for queues no function reads. */
  void clearUnconsumed() {
    unconsumed.clear();
  }

  /** Whether a function reads {@code queue}. */
  boolean hasReaders(String queue) {
    return byQueue.containsKey(queue);
  }

  /** The queue a function reads that this queue's dead letters are sent to, if there is one. */
  Optional<String> deadLettersTo(String queue) {
    List<EventQueue> queues = byQueue.get(queue);
    return queues == null ? Optional.empty() : Optional.ofNullable(queues.get(0).deadLetterQueue);
  }

  /**
   * Sends a message; returns its id.
   *
   * @throws IllegalArgumentException when no function consumes this queue
   */
  String send(String queue, byte[] body, Map<String, String> attributes) {
    return send(queue, hub.newId(), body, attributes);
  }

  private String send(String queue, String id, byte[] body, Map<String, String> attributes) {
    List<EventQueue> targets = byQueue.get(queue);
    if (targets == null) {
      return keep(queue, id, body, attributes);
    }
    EventQueue q = targets.get(Math.floorMod(roundRobin.getAndIncrement(), targets.size()));
    byte[] copy = body.clone();
    Map<String, String> attrs = Map.copyOf(attributes);
    hub.enqueue(
        q,
        id,
        copy,
        attrs,
        attempt ->
            QueueMessage.builder()
                .id(id)
                .queue(queue)
                .body(copy)
                .attributes(attrs)
                .deliveryAttempt(attempt)
                .source("anyfn:local:queue:" + queue)
                .type("anyfn.local.queue.message")
                .build());
    return id;
  }

  List<String> queueNames() {
    return List.copyOf(byQueue.keySet());
  }

  /** The delivery queues of a queue name (one per consumer). */
  List<EventQueue> deliveryQueues(String queue) {
    return byQueue.getOrDefault(queue, List.of());
  }
}
