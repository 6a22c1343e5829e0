package dev.anyfn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Event;
import dev.anyfn.StorageEvent;
import dev.anyfn.core.ResourceNames;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.Set;

/**
 * Cloud Storage {@code google.cloud.storage.object.v1.finalized} and {@code deleted} events ({@code
 * StorageObjectData}: {@code bucket, name, size, etag, contentType, ...}; 64-bit numbers such as
 * {@code size} arrive as JSON strings).
 */
final class StorageTranslator implements EventTranslator {
  private final ResourceNames names;

  /** Names given to handlers without the deployment's prefix ({@link ResourceNames}). */
  StorageTranslator(ResourceNames names) {
    this.names = names;
  }

  static final String FINALIZED = "google.cloud.storage.object.v1.finalized";
  static final String DELETED = "google.cloud.storage.object.v1.deleted";

  @Override
  public Set<String> types() {
    return Set.of(FINALIZED, DELETED);
  }

  @Override
  public Event translate(CloudEvent event) {
    JsonNode data = CloudEventPayloads.json(event);
    String bucket =
        CloudEventPayloads.text(data, "bucket").orElseThrow(() -> missing(event, "bucket"));
    String name = CloudEventPayloads.text(data, "name").orElseThrow(() -> missing(event, "name"));
    StorageEvent.Kind kind =
        DELETED.equals(event.getType()) ? StorageEvent.Kind.DELETED : StorageEvent.Kind.CREATED;
    return StorageEvent.builder()
        .id(event.getId())
        .source(event.getSource() == null ? "" : event.getSource().toString())
        .type(event.getType())
        .time(
            CloudEventPayloads.eventTime(
                event, CloudEventPayloads.time(data, "updated", event).orElse(Instant.EPOCH)))
        .subject(event.getSubject())
        .bucket(names.logical(bucket))
        .key(name)
        .size(kind == StorageEvent.Kind.DELETED ? 0 : size(data.path("size"), event))
        .etag(CloudEventPayloads.text(data, "etag").orElse(null))
        .contentType(CloudEventPayloads.text(data, "contentType").orElse(null))
        .kind(kind)
        .build();
  }

  private static long size(JsonNode size, CloudEvent event) {
    if (size.isMissingNode() || size.isNull()) {
      return 0;
    }
    if (size.isIntegralNumber()) {
      return size.asLong();
    }
    try {
      return Long.parseLong(size.asText());
    } catch (NumberFormatException e) {
      throw new MalformedEventException(
          "Storage event "
              + event.getId()
              + " has size '"
              + size.asText()
              + "'; expected a whole number of bytes (as a JSON string).",
          e);
    }
  }

  private static MalformedEventException missing(CloudEvent event, String field) {
    return new MalformedEventException(
        "Storage event " + event.getId() + " has no '" + field + "' in its data.");
  }
}
