package dev.anyfn.local;

import dev.anyfn.core.index.TriggerSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The delivery queue of one (event source, consumer function) pair: ready events, events waiting
 * out a retry backoff, events in flight, and the dead letters. Every accepted event is in exactly
 * one of these or has been delivered. Guarded by the {@link EventHub}'s lock.
 */
final class EventQueue {
  final String name;
  final InstancePool consumer;

  /** The trigger whose handler takes this queue's events, beside others of its kind. */
  final TriggerSpec trigger;

  final int batchSize;
  final int maxAttempts;

  /** The events of this queue one instance of its consumer takes at once. */
  final int perInstance;

  /** Age past which an event still waiting here is dead-lettered as {@code expired}. */
  final Duration maxAge;

  final Deque<Envelope> ready = new ArrayDeque<>();
  final PriorityQueue<Envelope> delayed =
      new PriorityQueue<>(Comparator.comparingLong(e -> e.visibleAtNanos));
  final Set<Envelope> inFlight = new LinkedHashSet<>();
  final List<DeadLetter> deadLetters = new ArrayList<>();
  final List<Envelope> deadEnvelopes = new ArrayList<>();
  long delivered;

  /** The most events of this queue in flight at once across all instances (1: a singleton). */
  int maxInFlight = Integer.MAX_VALUE;

  /**
   * Whether its events go in order: none is handed over while an earlier one waits for its retry,
   * which goes first (a stream shard, a change feed); with {@link #maxInFlight} 1.
   */
  boolean ordered;

  /** The queue whose consumer takes this queue's dead letters, as the cloud moves them; or null. */
  String deadLetterQueue;

  private Consumer<Envelope> forward;

  EventQueue(
      String name,
      InstancePool consumer,
      TriggerSpec trigger,
      int batchSize,
      int maxAttempts,
      int perInstance,
      Duration maxAge) {
    this.name = name;
    this.consumer = consumer;
    this.trigger = trigger;
    this.batchSize = Math.max(1, batchSize);
    this.maxAttempts = maxAttempts;
    this.maxAge = maxAge;
    this.perInstance = perInstance;
  }

  /** Sends this queue's dead letters on to {@code queue} with {@code send}, not keeping them. */
  void forwardDeadLetters(String queue, Consumer<Envelope> send) {
    this.deadLetterQueue = queue;
    this.forward = send;
  }

  /** Hands a dead letter to the forwarding queue; false when there is none. */
  boolean forward(Envelope e) {
    if (forward == null) {
      return false;
    }
    consumer.stats().deadLettered();
    forward.accept(e);
    return true;
  }

  /** Moves events whose backoff has passed to the ready list. */
  void promote(long nowNanos) {
    while (!delayed.isEmpty() && delayed.peek().visibleAtNanos - nowNanos <= 0) {
      if (ordered) {
        ready.addFirst(delayed.poll());
      } else {
        ready.add(delayed.poll());
      }
    }
  }

  /** Events not yet delivered nor dead-lettered. */
  int pending() {
    return ready.size() + delayed.size() + inFlight.size();
  }

  /** Whether the consumer can ever take events (a disabled function's events stay queued). */
  boolean consumable() {
    return consumer.maxInstances() > 0;
  }

  List<Envelope> take() {
    List<Envelope> batch = new ArrayList<>(Math.min(batchSize, ready.size()));
    while (batch.size() < batchSize && !ready.isEmpty()) {
      batch.add(ready.poll());
    }
    return batch;
  }

  DeadLetter deadLetter(Envelope e, String reason, Instant now) {
    DeadLetter d =
        new DeadLetter(
            name,
            e.id,
            e.body,
            e.attributes,
            e.attempts,
            reason,
            e.firstError,
            e.lastError,
            e.firstReceived,
            now);
    deadLetters.add(d);
    deadEnvelopes.add(e);
    consumer.stats().deadLettered();
    return d;
  }
}
