package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads fields of provider events, failing with a message that names the field and the source. */
final class EventFields {
  private EventFields() {}

  /** A required string field. */
  static String text(JsonNode node, String field, String where) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual()) {
      throw new BadEventException(
          where
              + "."
              + field
              + " is "
              + (v == null ? "missing" : "a " + v.getNodeType().name().toLowerCase())
              + "; expected a string. The event does not have the shape AWS documents for this"
              + " source.");
    }
    return v.asText();
  }

  /** An optional string field; null when absent or JSON null. */
  static String optionalText(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  /** An object field, or an empty object node's fields when absent or null. */
  static Map<String, String> stringMap(JsonNode node, String field) {
    Map<String, String> out = new LinkedHashMap<>();
    JsonNode v = node == null ? null : node.get(field);
    if (v != null && v.isObject()) {
      v.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** The last part of an ARN after {@code :} or {@code /}: the queue, topic or stream name. */
  static String arnName(String arn) {
    if (arn == null) {
      return "";
    }
    int cut = Math.max(arn.lastIndexOf(':'), arn.lastIndexOf('/'));
    return arn.substring(cut + 1);
  }
}
