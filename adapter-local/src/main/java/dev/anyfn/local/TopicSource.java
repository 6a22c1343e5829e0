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
  }

  /**
   * Publishes to every subscriber; returns the message id. A topic without subscribers drops it.
   */
  String publish(String topic, byte[] body, Map<String, String> attributes) {
    String id = hub.newId();
    byte[] copy = body.clone();
    Map<String, String> attrs = Map.copyOf(attributes);
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

  int subscriberCount(String topic) {
    return subscribers.getOrDefault(topic, List.of()).size();
  }
}
