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

  /** Messages functions published to topics no function subscribes to. */
  private final UnreadMessages<TopicMessage> unsubscribed;

  TopicSource(EventHub hub, List<InstancePool> pools) {
    this.hub = hub;
    for (InstancePool pool : pools) {
      for (TriggerSpec t : pool.function().spec().triggers()) {
        if (t instanceof TriggerSpec.Topic topic) {
          EventQueue q = hub.newQueue("topic/" + topic.name() + "/" + pool.name(), pool, 1, topic);
          hub.add(q);
          subscribers.computeIfAbsent(topic.name(), k -> new ArrayList<>()).add(q);
        }
      }
    }
    List<String> unread = new ArrayList<>();
    for (InstancePool pool : pools) {
      for (String topic : pool.function().spec().publishesTo()) {
        if (!subscribers.containsKey(topic)) {
          unread.add(topic);
        }
      }
    }
    this.unsubscribed =
        new UnreadMessages<>("topic", "publishes to", "subscribing to", "subscribes to", unread);
  }

  /**
   * Publishes to every subscriber; returns the message id. A topic without subscribers that a
   * function publishes to keeps it for {@link #unsubscribed(String)}, as a cloud's topic takes a
   * message that no subscription reads.
   *
   * @throws IllegalArgumentException when no function subscribes to the topic or publishes to it:
   *     on a cloud the topic would not exist, and SNS and Pub/Sub refuse the publish
   */
  String publish(String topic, byte[] body, Map<String, String> attributes) {
    String id = hub.newId();
    byte[] copy = body.clone();
    Map<String, String> attrs = Map.copyOf(attributes);
    List<EventQueue> readers = subscribers.getOrDefault(topic, List.of());
    if (readers.isEmpty()) {
      TopicMessage message =
          TopicMessage.builder()
              .id(id)
              .topic(topic)
              .body(copy)
              .attributes(attrs)
              .source("anyfn:local:topic:" + topic)
              .type("anyfn.local.topic.message")
              .build();
      if (!unsubscribed.keep(topic, message)) {
        throw new IllegalArgumentException(
            "No function subscribes to topic '"
                + topic
                + "' or publishes to it; the project's topics are "
                + topicNames()
                + ". Check the name in @OnTopic or @SendsTo(topics = ...).");
      }
      return id;
    }
    for (EventQueue q : readers) {
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
    return unsubscribed.of(topic, subscribers::containsKey);
  }

  /** Drops the messages kept for topics no function subscribes to. */
  void clearUnsubscribed() {
    unsubscribed.clear();
  }

  /** The topics functions subscribe to, then those only published to, in the index's order. */
  List<String> topicNames() {
    List<String> names = new ArrayList<>(subscribers.keySet());
    names.addAll(unsubscribed.names());
    return List.copyOf(names);
  }

  /** The delivery queues of a topic's subscribers; empty when none subscribes to it. */
  List<EventQueue> deliveryQueues(String topic) {
    return List.copyOf(subscribers.getOrDefault(topic, List.of()));
  }

  /** The topics functions subscribe to. */
  List<String> subscribedTopics() {
    return List.copyOf(subscribers.keySet());
  }

  int subscriberCount(String topic) {
    return subscribers.getOrDefault(topic, List.of()).size();
  }
}
