package dev.anyfn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Event;
import dev.anyfn.QueueMessage;
import dev.anyfn.ScheduleEvent;
import dev.anyfn.TopicMessage;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Pub/Sub {@code google.cloud.pubsub.topic.v1.messagePublished} events ({@code
 * MessagePublishedData}: {@code message{data (base64), attributes, messageId, publishTime,
 * orderingKey}, subscription, deliveryAttempt}). Queues and topics both map onto Pub/Sub and
 * schedules arrive through a Scheduler job's topic, so what the message becomes is decided by the
 * deployment's trigger kind, never by the payload.
 */
final class PubSubTranslator implements EventTranslator {
  static final String MESSAGE_PUBLISHED = "google.cloud.pubsub.topic.v1.messagePublished";

  /** What the deployment's trigger wants the message as. */
  enum Target {
    QUEUE,
    TOPIC,
    SCHEDULE
  }

  private final Target target;
  private final String name;

  /**
   * @param target what to translate messages into
   * @param name the trigger's queue or topic name as the handler declares it: the deployment
   *     listens to that queue or topic only, whose Pub/Sub topic carries the stage's prefix
   */
  PubSubTranslator(Target target, String name) {
    this.target = target;
    this.name = name;
  }

  @Override
  public Set<String> types() {
    return Set.of(MESSAGE_PUBLISHED);
  }

  @Override
  public Event translate(CloudEvent event) {
    JsonNode data = CloudEventPayloads.json(event);
    JsonNode message = data.path("message");
    if (!message.isObject()) {
      throw new MalformedEventException(
          "Pub/Sub event " + event.getId() + " has no 'message' object in its data.");
    }
    String id = CloudEventPayloads.text(message, "messageId").orElse(event.getId());
    Instant published =
        CloudEventPayloads.time(message, "publishTime", event)
            .orElseGet(() -> CloudEventPayloads.eventTime(event, Instant.EPOCH));
    String source = event.getSource() == null ? "" : event.getSource().toString();
    int attempt = Math.max(1, data.path("deliveryAttempt").asInt(1));
    return switch (target) {
      case SCHEDULE ->
          ScheduleEvent.builder()
              .id(id)
              .source(source)
              .type(event.getType())
              .time(published)
              .scheduledTime(published)
              .build();
      case QUEUE ->
          QueueMessage.builder()
              .id(id)
              .source(source)
              .type(event.getType())
              .time(published)
              .subject(event.getSubject())
              .queue(name)
              .body(body(message, event))
              .attributes(attributes(message, event))
              .deliveryAttempt(attempt)
              .build();
      case TOPIC ->
          TopicMessage.builder()
              .id(id)
              .source(source)
              .type(event.getType())
              .time(published)
              .subject(event.getSubject())
              .topic(name)
              .body(body(message, event))
              .attributes(attributes(message, event))
              .orderingKey(CloudEventPayloads.text(message, "orderingKey").orElse(null))
              .deliveryAttempt(attempt)
              .build();
    };
  }

  private static byte[] body(JsonNode message, CloudEvent event) {
    JsonNode data = message.path("data");
    if (data.isMissingNode() || data.isNull()) {
      return new byte[0]; // Pub/Sub allows messages that carry only attributes
    }
    if (!data.isTextual()) {
      throw new MalformedEventException(
          "Pub/Sub event "
              + event.getId()
              + " has a message.data of JSON type "
              + data.getNodeType().toString().toLowerCase()
              + "; expected a base64 string.");
    }
    try {
      return Base64.getDecoder().decode(data.asText());
    } catch (IllegalArgumentException e) {
      throw new MalformedEventException(
          "Pub/Sub event "
              + event.getId()
              + " has a message.data that is not valid base64 ("
              + e.getMessage()
              + ").",
          e);
    }
  }

  private static Map<String, String> attributes(JsonNode message, CloudEvent event) {
    JsonNode attributes = message.path("attributes");
    if (attributes.isMissingNode() || attributes.isNull()) {
      return Map.of();
    }
    if (!attributes.isObject()) {
      throw new MalformedEventException(
          "Pub/Sub event " + event.getId() + " has message.attributes that is not an object.");
    }
    Map<String, String> out = new LinkedHashMap<>();
    attributes.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
