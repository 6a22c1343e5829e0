package dev.anyfn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.StorageEvent;
import dev.anyfn.core.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * An Event Grid blob event ({@code Microsoft.Storage.BlobCreated} or {@code BlobDeleted}, in the
 * Event Grid or the CloudEvents schema) as a neutral {@link StorageEvent}. Events of other types or
 * other containers are not for this trigger and give empty.
 */
final class EventGridBlobTranslator {
  private static final String BLOBS = "/blobServices/default/containers/";

  private EventGridBlobTranslator() {}

  /**
   * @throws IllegalArgumentException when the event is not JSON or lacks an id or subject
   */
  static Optional<StorageEvent> event(String bucket, String json, JsonCodec codec) {
    JsonNode e;
    try {
      e = codec.readTree(json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException x) {
      throw new IllegalArgumentException("The Event Grid event is not JSON: " + x.getMessage(), x);
    }
    String type = text(e, "eventType").orElseGet(() -> text(e, "type").orElse(""));
    StorageEvent.Kind kind;
    if (type.equals("Microsoft.Storage.BlobCreated")) {
      kind = StorageEvent.Kind.CREATED;
    } else if (type.equals("Microsoft.Storage.BlobDeleted")) {
      kind = StorageEvent.Kind.DELETED;
    } else {
      return Optional.empty();
    }
    String id =
        text(e, "id")
            .orElseThrow(() -> new IllegalArgumentException("The Event Grid event has no id."));
    String subject =
        text(e, "subject")
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "The Event Grid event " + id + " has no subject."));
    if (!subject.startsWith(BLOBS)) {
      return Optional.empty();
    }
    String rest = subject.substring(BLOBS.length());
    int blobs = rest.indexOf("/blobs/");
    if (blobs < 0 || !rest.substring(0, blobs).equals(bucket)) {
      return Optional.empty();
    }
    JsonNode data = e.path("data");
    StorageEvent.Builder b =
        StorageEvent.builder()
            .id(id)
            .source(text(e, "topic").orElseGet(() -> text(e, "source").orElse("")))
            .type(type)
            .time(time(e))
            .subject(subject)
            .bucket(bucket)
            .key(rest.substring(blobs + "/blobs/".length()))
            .kind(kind)
            .size(kind == StorageEvent.Kind.CREATED ? data.path("contentLength").asLong(0) : 0);
    text(data, "eTag").ifPresent(b::etag);
    text(data, "contentType").ifPresent(b::contentType);
    return Optional.of(b.build());
  }

  private static Instant time(JsonNode e) {
    Optional<String> t = text(e, "eventTime").or(() -> text(e, "time"));
    try {
      return t.map(Instant::parse).orElse(Instant.EPOCH);
    } catch (DateTimeParseException x) {
      return Instant.EPOCH;
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() ? Optional.empty() : Optional.of(v.asText());
  }
}
