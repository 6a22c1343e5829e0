package dev.anyfn.gcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reading the {@code data} of Google's JSON CloudEvents, shared by the translators. */
final class CloudEventPayloads {
  private static final JsonMapper JSON =
      JsonMapper.builder(
              JsonFactory.builder()
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .streamReadConstraints(
                      StreamReadConstraints.builder()
                          .maxNestingDepth(64)
                          .maxNumberLength(100)
                          .build())
                  .build())
          .build();

  private CloudEventPayloads() {}

  /** The event's data bytes. @throws MalformedEventException when there is none */
  static byte[] bytes(CloudEvent event) {
    CloudEventData data = event.getData();
    if (data == null) {
      throw new MalformedEventException(
          "The " + event.getType() + " event " + event.getId() + " has no data.");
    }
    return data.toBytes();
  }

  /** The event's data as a JSON object. @throws MalformedEventException when it is not one */
  static JsonNode json(CloudEvent event) {
    JsonNode node;
    try {
      node = JSON.readTree(bytes(event));
    } catch (IOException e) {
      throw new MalformedEventException(
          "The data of " + event.getType() + " event " + event.getId() + " is not valid JSON.", e);
    }
    if (node == null || !node.isObject()) {
      throw new MalformedEventException(
          "The data of "
              + event.getType()
              + " event "
              + event.getId()
              + " is not a JSON object; found "
              + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase())
              + ".");
    }
    return node;
  }

  /** A text field, absent when missing, null or empty. */
  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    return v.isValueNode() && !v.isNull() && !v.asText().isEmpty()
        ? Optional.of(v.asText())
        : Optional.empty();
  }

  /** An RFC 3339 time field. @throws MalformedEventException when it is not one */
  static Optional<Instant> time(JsonNode node, String field, CloudEvent event) {
    Optional<String> v = text(node, field);
    try {
      return v.map(Instant::parse);
    } catch (DateTimeParseException e) {
      throw new MalformedEventException(
          "Field '"
              + field
              + "' of event "
              + event.getId()
              + " is '"
              + v.orElse("")
              + "'; expected an RFC 3339 time such as 2026-01-01T00:00:00Z.",
          e);
    }
  }

  /** The event's time attribute, or {@code fallback}. */
  static Instant eventTime(CloudEvent event, Instant fallback) {
    return event.getTime() == null ? fallback : event.getTime().toInstant();
  }
}
