package dev.anyfn.gcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.events.cloud.firestore.v1.Value;
import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Firestore's typed {@code Value}s as plain JSON, so images bind like on every other provider:
 * integers and doubles as numbers, timestamps as RFC 3339 strings, bytes as base64, references as
 * their resource name, geo points as {@code {"latitude":..,"longitude":..}}, arrays and maps
 * nested.
 */
final class FirestoreValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** Deeper values than this are rejected; Firestore itself allows 20 levels. */
  private static final int MAX_DEPTH = 64;

  /** 0001-01-01T00:00:00Z, the first instant a Firestore timestamp can hold. */
  private static final long MIN_SECONDS = -62_135_596_800L;

  /** 9999-12-31T23:59:59Z, the last second a Firestore timestamp can hold. */
  private static final long MAX_SECONDS = 253_402_300_799L;

  private FirestoreValues() {}

  /** A document's fields as a JSON object. */
  static ObjectNode object(Map<String, Value> fields) {
    return object(fields, 0);
  }

  private static ObjectNode object(Map<String, Value> fields, int depth) {
    ObjectNode out = NODES.objectNode();
    fields.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.set(e.getKey(), json(e.getValue(), depth + 1)));
    return out;
  }

  private static JsonNode json(Value v, int depth) {
    if (depth > MAX_DEPTH) {
      throw new MalformedEventException(
          "A Firestore value is nested deeper than " + MAX_DEPTH + " levels.");
    }
    return switch (v.getValueTypeCase()) {
      case NULL_VALUE, VALUETYPE_NOT_SET -> NODES.nullNode();
      case BOOLEAN_VALUE -> NODES.booleanNode(v.getBooleanValue());
      case INTEGER_VALUE -> NODES.numberNode(v.getIntegerValue());
      case DOUBLE_VALUE -> NODES.numberNode(v.getDoubleValue());
      case TIMESTAMP_VALUE -> NODES.textNode(instant(v.getTimestampValue()).toString());
      case STRING_VALUE -> NODES.textNode(v.getStringValue());
      case BYTES_VALUE ->
          NODES.textNode(Base64.getEncoder().encodeToString(v.getBytesValue().toByteArray()));
      case REFERENCE_VALUE -> NODES.textNode(v.getReferenceValue());
      case GEO_POINT_VALUE ->
          NODES
              .objectNode()
              .put("latitude", v.getGeoPointValue().getLatitude())
              .put("longitude", v.getGeoPointValue().getLongitude());
      case ARRAY_VALUE -> {
        ArrayNode array = NODES.arrayNode();
        v.getArrayValue().getValuesList().forEach(item -> array.add(json(item, depth + 1)));
        yield array;
      }
      case MAP_VALUE -> object(v.getMapValue().getFieldsMap(), depth);
    };
  }

  /**
   * The instant of a protobuf timestamp within Firestore's range.
   *
   * @throws MalformedEventException for a timestamp Firestore cannot hold
   */
  static Instant instant(Timestamp t) {
    if (t.getSeconds() < MIN_SECONDS
        || t.getSeconds() > MAX_SECONDS
        || t.getNanos() < 0
        || t.getNanos() > 999_999_999) {
      throw new MalformedEventException(
          "A Firestore timestamp has seconds "
              + t.getSeconds()
              + " and nanos "
              + t.getNanos()
              + "; Firestore timestamps lie from 0001-01-01 to 9999-12-31 with nanos 0 to"
              + " 999999999.");
    }
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }
}
