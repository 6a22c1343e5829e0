package dev.anyfn.local;

import dev.anyfn.QueueMessage;
import dev.anyfn.StorageEvent;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.InitFailedException;
import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.core.index.TriggerSpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * Drives the emulator's event sources from Java: send queue messages, publish to topics, put and
 * delete storage objects and table rows, fire schedules, invoke functions directly, inspect and
 * re-drive dead letters, and wait until everything is delivered. Thread-safe.
 */
public final class EventApi {
  /** Why an empty object key is refused. */
  static final String EMPTY_KEY =
      "The object key is empty; S3, Cloud Storage and Azure Blob Storage keep no object without a"
          + " name, so they never deliver a storage event with an empty key.";

  private final Emulator emulator;
  private final QueueSource queues;
  private final TopicSource topics;
  private final StorageSource storage;
  private final TableSource tables;
  private final ScheduleSource schedules;
  private final EventHub hub;
  private final DeadLetterNames deadLetterNames;

  EventApi(
      Emulator emulator,
      QueueSource queues,
      TopicSource topics,
      StorageSource storage,
      TableSource tables,
      ScheduleSource schedules,
      EventHub hub) {
    this.emulator = emulator;
    this.queues = queues;
    this.topics = topics;
    this.storage = storage;
    this.tables = tables;
    this.schedules = schedules;
    this.hub = hub;
    this.deadLetterNames = new DeadLetterNames(hub, queues, topics, storage, tables, schedules);
  }

  /**
   * Sends a UTF-8 message to a queue; returns the message id.
   *
   * @throws IllegalArgumentException when no function consumes the queue or sends to it
   * @throws EventTooLargeException when the message (body and attributes) is larger than the
   *     profile's queue message limit; nothing is queued
   */
  public String send(String queue, String body) {
    return send(queue, body, Map.of());
  }

  /**
   * Sends {@code message} to a queue as JSON, written as a function's {@code Context.send} writes
   * it ({@code events.send("orders", new Order("o-1", 2))}), so that an {@code @OnQueue} handler
   * taking that type reads it; a {@code String} is sent as it is. Returns the message id.
   *
   * @throws IllegalArgumentException when no function consumes the queue or sends to it, or Jackson
   *     cannot write {@code message}
   * @throws EventTooLargeException when the message is larger than the profile allows
   */
  public String send(String queue, Object message) {
    return send(queue, CallerJson.text(message), Map.of());
  }

  /**
   * Sends a UTF-8 message with attributes to a queue; returns the message id.
   *
   * @throws IllegalArgumentException when no function consumes the queue or sends to it
   * @throws EventTooLargeException when the message is larger than the profile allows
   */
  public String send(String queue, String body, Map<String, String> attributes) {
    return send(queue, body.getBytes(StandardCharsets.UTF_8), attributes);
  }

  /**
   * Sends raw bytes to a queue; returns the message id.
   *
   * @throws IllegalArgumentException when no function consumes the queue or sends to it
   * @throws EventTooLargeException when the message is larger than the profile allows
   */
  public String send(String queue, byte[] body, Map<String, String> attributes) {
    EventLimits.check(
        limits().queue(),
        emulator.profile(),
        "queue '" + queue + "'",
        EventLimits.messageBytes(body, attributes));
    return queues.send(queue, body, attributes);
  }

  /**
   * Publishes a UTF-8 message to every subscriber of a topic; returns the message id.
   *
   * @throws IllegalArgumentException when no function subscribes to the topic or publishes to it
   * @throws EventTooLargeException when the message is larger than the profile's topic message
   *     limit; nothing is published
   */
  public String publish(String topic, String body) {
    return publish(topic, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /**
   * Publishes {@code message} to every subscriber of a topic as JSON, as {@link #send(String,
   * Object)} writes it; a {@code String} is published as it is. Returns the message id.
   *
   * @throws IllegalArgumentException when no function subscribes to the topic or publishes to it,
   *     or Jackson cannot write {@code message}
   * @throws EventTooLargeException when the message is larger than the profile allows
   */
  public String publish(String topic, Object message) {
    return publish(topic, CallerJson.text(message));
  }

  /**
   * Publishes with attributes; returns the message id.
   *
   * @throws IllegalArgumentException when no function subscribes to the topic or publishes to it
   * @throws EventTooLargeException when the message is larger than the profile allows
   */
  public String publish(String topic, byte[] body, Map<String, String> attributes) {
    EventLimits.check(
        limits().topic(),
        emulator.profile(),
        "topic '" + topic + "'",
        EventLimits.messageBytes(body, attributes));
    return topics.publish(topic, body, attributes);
  }

  /**
   * Stores an object, firing {@code CREATED} storage triggers; returns the event id.
   *
   * @throws IllegalArgumentException when {@code key} is empty: no cloud stores an object without a
   *     name, so none delivers an event with an empty key
   * @throws EventTooLargeException when the object's notification (bucket, key, kind and size) is
   *     larger than the profile's storage event limit; nothing is stored
   */
  public String putObject(String bucket, String key, byte[] bytes, String contentType) {
    if (key.isEmpty()) {
      throw new IllegalArgumentException(EMPTY_KEY + " Pass a key such as 'photos/cat.jpg'.");
    }
    String notification =
        StorageSource.notification(bucket, key, StorageEvent.Kind.CREATED, bytes.length);
    EventLimits.check(
        limits().storage(),
        emulator.profile(),
        "object '" + abbreviate(key) + "' in bucket '" + bucket + "'",
        EventLimits.utf8Length(notification));
    return storage.put(bucket, key, bytes, contentType);
  }

  /** Deletes an object, firing {@code DELETED} triggers if it existed; the event id if fired. */
  public Optional<String> deleteObject(String bucket, String key) {
    return storage.delete(bucket, key);
  }

  /** The bytes of a stored object. */
  public Optional<byte[]> getObject(String bucket, String key) {
    return storage.get(bucket, key).map(o -> o.bytes().clone());
  }

  /**
   * Inserts or replaces a row, firing {@code INSERT} or {@code MODIFY} with old and new JSON
   * images; returns the event id.
   *
   * @throws dev.anyfn.core.JsonBodyException when {@code jsonImage} is not valid JSON
   * @throws EventTooLargeException when the row (keys and image) is larger than the profile's
   *     database allows for one item; nothing is written
   */
  public String putRow(String table, Map<String, Object> keys, String jsonImage) {
    EventLimits.check(
        limits().row(),
        emulator.profile(),
        "table '" + table + "'",
        EventLimits.rowBytes(keys, jsonImage));
    return tables.put(table, keys, jsonImage);
  }

  /** Deletes a row, firing {@code REMOVE} if it existed; the event id if fired. */
  public Optional<String> deleteRow(String table, Map<String, Object> keys) {
    return tables.delete(table, keys);
  }

  /**
   * Fires every schedule of a function now; returns the event ids.
   *
   * @throws IllegalArgumentException when the function has no schedule
   */
  public List<String> fireSchedule(String functionName) {
    return schedules.fireNow(functionName);
  }

  /**
   * Invokes a function's {@code @OnInvoke} handler synchronously through its instance pool. A
   * throttled call fails with code {@code throttled}, a timeout with {@code timeout}, a failed init
   * with {@code init_failed}.
   *
   * @throws IllegalArgumentException when there is no function by that name, or it has no {@code
   *     OnInvoke} handler; nothing is invoked
   * @throws EventTooLargeException when the payload is larger than the profile's invocation limit;
   *     the function is not invoked
   */
  public InvokeOutcome invoke(String functionName, byte[] json) {
    return invoke(functionName, json, "inv-" + hub.newId());
  }

  /**
   * {@link #invoke(String, byte[])} as request {@code requestId}: the control API passes the id of
   * the HTTP request, so that its answer and the function's log lines carry the same one.
   */
  InvokeOutcome invoke(String functionName, byte[] json, String requestId) {
    InstancePool pool = emulator.pool(functionName);
    if (!invocable(pool)) {
      throw new IllegalArgumentException(
          "Function '"
              + functionName
              + "' has no @OnInvoke handler; functions with one: "
              + emulator.pools().values().stream()
                  .filter(EventApi::invocable)
                  .map(InstancePool::name)
                  .sorted()
                  .toList()
              + ".");
    }
    EventLimits.check(
        limits().invoke(), emulator.profile(), "function '" + functionName + "'", json.length);
    var lease = pool.tryAcquire();
    if (lease.isEmpty()) {
      return new InvokeOutcome(new byte[0], "throttled", pool.throttled());
    }
    try {
      InvokeOutcome outcome =
          pool.invoke(lease.get(), requestId, (instance, ctx) -> instance.invoke(json, ctx)).join();
      Optional<String> tooLarge =
          emulator.profile().responseLimit().exceeded(outcome.json().length, emulator.profile());
      if (tooLarge.isPresent()) {
        emulator
            .log()
            .warn("Function '" + functionName + "', request " + requestId + ": " + tooLarge.get());
        return new InvokeOutcome(new byte[0], "response_too_large", tooLarge.get());
      }
      return outcome;
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InstancePool.TimedOut) {
        return new InvokeOutcome(new byte[0], "timeout", cause.getMessage());
      }
      if (cause instanceof InitFailedException) {
        return new InvokeOutcome(
            new byte[0],
            "init_failed",
            "Function '" + functionName + "' failed to initialise; see the log of " + requestId);
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw e;
    }
  }

  private static boolean invocable(InstancePool pool) {
    return pool.function().spec().triggers().stream()
        .anyMatch(t -> t instanceof TriggerSpec.Invoke);
  }

  private EventLimits limits() {
    return emulator.profile().eventLimits();
  }

  /** A key long enough to break a storage event limit would flood the message: show its start. */
  private static String abbreviate(String key) {
    return key.length() <= 64 ? key : key.substring(0, 61) + "...";
  }

  /**
   * The messages functions sent ({@code Context.send}) to a queue that no function of the project
   * reads, oldest first: a reader outside the project would take them on a cloud. A queue a
   * function reads delivers its messages to it instead.
   *
   * @throws IllegalArgumentException when no function sends to the queue, or a function reads it
   */
  public List<QueueMessage> unconsumed(String queue) {
    return queues.unconsumed(queue);
  }

  /**
   * The messages functions published ({@code Context.publish}) to a topic that no function of the
   * project subscribes to, oldest first: a subscriber outside the project would take them on a
   * cloud. A topic a function subscribes to delivers its messages to it instead.
   *
   * @throws IllegalArgumentException when no function publishes to the topic, or one subscribes
   */
  public List<TopicMessage> unsubscribed(String topic) {
    return topics.unsubscribed(topic);
  }

  /**
   * The dead letters the emulator keeps for what {@code name} names, oldest first within each
   * delivery queue: a queue ({@code orders}), a topic ({@code order-events}: every subscriber's), a
   * bucket or a table (every function's that watches it), a function with schedules ({@code
   * nightly}: all its schedules'), or one delivery queue by the name a dead letter's {@link
   * DeadLetter#queue()} carries ({@code topic/order-events/audit}). A queue message whose {@code
   * <queue>-poison} a function reads is not kept: it is delivered there, as the clouds move it, and
   * counted in the metrics' dead letters of its function.
   *
   * @throws IllegalArgumentException when nothing of that name keeps dead letters, or the name is a
   *     topic, a bucket, a table or a scheduled function at once (ask by the delivery queue's name
   *     then)
   */
  public List<DeadLetter> deadLetters(String name) {
    List<DeadLetter> all = new ArrayList<>();
    for (EventQueue q : deadLetterNames.resolve(name)) {
      all.addAll(hub.deadLetters(q.name));
    }
    return all;
  }

  /**
   * Moves the dead letters of what {@code name} names ({@link #deadLetters(String)}) back for
   * delivery, attempts reset; returns how many.
   *
   * @throws IllegalArgumentException as {@link #deadLetters(String)}
   */
  public int redrive(String name) {
    int n = 0;
    for (EventQueue q : deadLetterNames.resolve(name)) {
      n += hub.redrive(q.name);
    }
    return n;
  }

  /**
   * Starts afresh: drops every queued event, retry and dead letter and the messages sent to queues
   * and topics that no function reads, empties the buckets and tables, firing no event, and forgets
   * what {@code Context.once} ran. Deliveries already running may finish first, and handlers
   * stopped at their timeout (HTTP ones too) may end, so that what they still log comes before the
   * reset, up to the timeout; one still running then is forgotten (its outcome is ignored).
   * Instances stay warm, and the clock, the schedules and the metrics are unchanged.
   * {@code @AnyfnTest} calls it before each test method, so that a test does not see the events,
   * dead letters or objects of another.
   *
   * @return whether every running delivery and stopped handler ended within the timeout
   */
  public boolean reset(Duration timeout) {
    boolean ended;
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      ended = hub.clear(deadline);
      ended &= emulator.workers().awaitStoppedHandlers(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while resetting the emulator", e);
    }
    storage.clear();
    tables.clear();
    queues.clearUnconsumed();
    topics.clearUnsubscribed();
    emulator.idempotency().clear();
    return ended;
  }

  /**
   * Waits until every queue is drained (nothing ready, waiting to retry or in flight) and no
   * invocation runs. Events for disabled functions ({@code maxInstances = 0}) stay queued and are
   * not waited for.
   *
   * @throws IllegalStateException describing what is still pending when the timeout passes
   */
  public void awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    int quietRounds = 0;
    while (true) {
      if (hub.pendingWork() == 0 && emulator.inFlight() == 0) {
        if (++quietRounds >= 2) {
          return;
        }
      } else {
        quietRounds = 0;
      }
      if (System.nanoTime() - deadline > 0) {
        throw new IllegalStateException(
            "The emulator was not idle after "
                + timeout
                + ": "
                + hub.describePending()
                + emulator.inFlight()
                + " invocation(s) running.");
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while waiting for the emulator", e);
      }
    }
  }
}
