package dev.anyfn.gcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.google.events.cloud.firestore.v1.Document;
import com.google.events.cloud.firestore.v1.DocumentEventData;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.anyfn.DataChange;
import dev.anyfn.Event;
import dev.anyfn.core.ResourceNames;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Firestore {@code google.cloud.firestore.document.v1.written|created|updated|deleted} events (the
 * Firebase path). The payload is a binary protobuf {@code DocumentEventData} ({@code
 * application/protobuf}); the images become JSON text for the core to bind to the handler's type,
 * the table is the collection path and the key is the document id ({@code id}).
 */
final class FirestoreTranslator implements EventTranslator {
  private final ResourceNames names;

  /** Names given to handlers without the deployment's prefix ({@link ResourceNames}). */
  FirestoreTranslator(ResourceNames names) {
    this.names = names;
  }

  static final String PREFIX = "google.cloud.firestore.document.v1.";
  static final String WRITTEN = PREFIX + "written";
  static final String CREATED = PREFIX + "created";
  static final String UPDATED = PREFIX + "updated";
  static final String DELETED = PREFIX + "deleted";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Override
  public Set<String> types() {
    return Set.of(WRITTEN, CREATED, UPDATED, DELETED);
  }

  @Override
  public Event translate(CloudEvent event) {
    String contentType = event.getDataContentType();
    if (contentType != null && !contentType.startsWith("application/protobuf")) {
      throw new MalformedEventException(
          "Firestore event "
              + event.getId()
              + " has data of type "
              + contentType
              + "; expected application/protobuf (a DocumentEventData), as Eventarc sends it.");
    }
    DocumentEventData data;
    try {
      data = DocumentEventData.parseFrom(CloudEventPayloads.bytes(event));
    } catch (InvalidProtocolBufferException e) {
      throw new MalformedEventException(
          "Firestore event "
              + event.getId()
              + " does not carry a valid protobuf DocumentEventData ("
              + e.getMessage()
              + ").",
          e);
    }
    String path = documentPath(data, event);
    int slash = path.lastIndexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      throw new MalformedEventException(
          "Firestore event "
              + event.getId()
              + " names document '"
              + path
              + "'; expected <collection>/<document id>.");
    }
    return DataChange.<String>builder()
        .id(event.getId())
        .source(event.getSource() == null ? "" : event.getSource().toString())
        .type(event.getType())
        .time(CloudEventPayloads.eventTime(event, updateTime(data)))
        .subject(event.getSubject())
        .table(names.logical(path.substring(0, slash)))
        .keys(Map.of("id", path.substring(slash + 1)))
        .kind(kind(event.getType(), data))
        .oldImage(data.hasOldValue() ? image(data.getOldValue()) : null)
        .newImage(data.hasValue() ? image(data.getValue()) : null)
        .build();
  }

  private static DataChange.Kind kind(String type, DocumentEventData data) {
    if (CREATED.equals(type)) {
      return DataChange.Kind.INSERT;
    }
    if (UPDATED.equals(type)) {
      return DataChange.Kind.MODIFY;
    }
    if (DELETED.equals(type)) {
      return DataChange.Kind.REMOVE;
    }
    if (data.hasValue() && data.hasOldValue()) {
      return DataChange.Kind.MODIFY;
    }
    return data.hasValue() ? DataChange.Kind.INSERT : DataChange.Kind.REMOVE;
  }

  /** The path below {@code documents/}, from the document's name, else the event's subject. */
  private static String documentPath(DocumentEventData data, CloudEvent event) {
    String name =
        data.hasValue()
            ? data.getValue().getName()
            : data.hasOldValue() ? data.getOldValue().getName() : "";
    if (name.isEmpty() && event.getSubject() != null) {
      name = event.getSubject();
    }
    String path = pathBelowDocuments(name);
    if (path == null) {
      throw new MalformedEventException(
          "Firestore event "
              + event.getId()
              + " names no document (neither value.name, oldValue.name nor subject is"
              + " 'projects/<project>/databases/<database>/documents/...' or 'documents/...').");
    }
    return path;
  }

  /**
   * The path of a document name {@code projects/<p>/databases/<db>/documents/<path>} or subject
   * {@code documents/<path>}, or null. Read by position: a project or database id may itself end in
   * "documents" ({@code acme-documents}).
   */
  static String pathBelowDocuments(String name) {
    if (name.startsWith("documents/")) {
      return name.substring("documents/".length());
    }
    String[] parts = name.split("/", 6);
    boolean named =
        parts.length == 6
            && parts[0].equals("projects")
            && parts[2].equals("databases")
            && parts[4].equals("documents");
    return named ? parts[5] : null;
  }

  private static Instant updateTime(DocumentEventData data) {
    Document d = data.hasValue() ? data.getValue() : data.getOldValue();
    return d.hasUpdateTime() ? FirestoreValues.instant(d.getUpdateTime()) : Instant.EPOCH;
  }

  private static String image(Document document) {
    try {
      return JSON.writeValueAsString(FirestoreValues.object(document.getFieldsMap()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot write a Firestore image as JSON", e);
    }
  }
}
