package dev.anyfn.local;

import dev.anyfn.TopicMessage;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's topics: a published message is copied to every subscriber's delivery queue ({@code
 * topic/<topic>/<function>}), each retried and dead-lettered on its own. Thread-safe.
 */
final class TopicSource {
  private final EventHub hub;
  private final Map<String, List<EventQueue>> subscribers = new LinkedHashMap<>();

  /**
   * Messages functions published ({@code @SendsTo}) to topics no function subscribes to, by topic,
   * oldest first: on a cloud a subscriber outside the project may take them.
   */
  private final Map<String, List<TopicMessage>> unsubscribed = new LinkedHashMap<>();

  TopicSource(EventHub hub, List<InstancePool> pools) {
    this.hub = hub;
    for (InstancePool pool : pools) {
      for (TriggerSpec t : pool.function().spec().triggers()) {
        if (t instanceof TriggerSpec.Topic topic) {
          EventQueue q =
              new EventQueue(
                  "topic/" + topic.name() + "/" + pool.name(),
                  pool,
                  1,
                  hub.maxAttempts(TriggerSpec.Kind.TOPIC));
          hub.add(q);
          subscribers.computeIfAbsent(topic.name(), k -> new ArrayList<>()).add(q);
        }
      }
    }
    for (InstancePool pool : pools) {
      for (String topic : pool.function().spec().publishesTo()) {
        if (!subscribers.containsKey(topic)) {
          unsubscribed.putIfAbsent(topic, new ArrayList<>());
        }
      }
    }
  }

  /**
   * Publishes to every subscriber; returns the message id. A topic without subscribers drops it,
   * unless a function publishes to it: then it is kept for {@link #unsubscribed(String)}.
   */
  String publish(String topic, byte[] body, Map<String, String> attributes) {
    String id = hub.newId();
    byte[] copy = body.clone();
    Map<String, String> attrs = Map.copyOf(attributes);
    synchronized (unsubscribed) {
      List<TopicMessage> kept = unsubscribed.get(topic);
      if (kept != null) {
        kept.add(
            TopicMessage.builder()
                .id(id)
                .topic(topic)
                .body(copy)
                .attributes(attrs)
                .source("anyfn:local:topic:" + topic)
                .type("anyfn.local.topic.message")
                .build());
        return id;
      }
    }
    for (EventQueue q : subscribers.getOrDefault(topic, List.of())) {
      hub.enqueue(
          q,
          id,
          copy,
          attrs,
          attempt ->
              TopicMessage.builder()
                  .id(id)
                  .topic(topic)
                  .body(copy)
                  .attributes(attrs)
                  .deliveryAttempt(attempt)
                  .source("anyfn:local:topic:" + topic)
                  .type("anyfn.local.topic.message")
                  .build());
    }
    return id;
  }

  /**
   * The messages functions published to {@code topic} when no function subscribes to it, oldest
   * first.
   *
   * @throws IllegalArgumentException when no function publishes to the topic or one subscribes
   */
  List<TopicMessage> unsubscribed(String topic) {
    synchronized (unsubscribed) {
      List<TopicMessage> kept = unsubscribed.get(topic);
      if (kept == null) {
        throw new IllegalArgumentException(
            "No function publishes to topic '"
                + topic
                + "' without a function subscribing to it; such topics are "
                + unsubscribed.keySet()
                + (subscribers.containsKey(topic)
                    ? ". A function subscribes to '"
                        + topic
                        + "': its messages are delivered to it."
                    : ". Check the name in @SendsTo."));
      }
      return List.copyOf(kept);
    }
  }

  /** Drops the messages kept for topics no function subscribes to. */
  void clearUnsubscribed() {
    synchronized (unsubscribed) {
      unsubscribed.values().forEach(List::clear);
    }
  }

  int subscriberCount(String topic) {
    return subscribers.getOrDefault(topic, List.of()).size();
  }
}
