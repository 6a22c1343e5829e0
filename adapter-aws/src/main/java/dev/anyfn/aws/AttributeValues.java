package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.Map;

/**
 * DynamoDB's typed {@code AttributeValue}s ({@code {"S":"x"}}, {@code {"N":"1"}}, ...) as plain
 * JSON: S and B (base64) as strings, N as numbers, BOOL, NULL, M as objects, L, SS, NS and BS as
 * arrays.
 */
final class AttributeValues {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** The significant digits of a DynamoDB number. */
  private static final int MAX_DIGITS = 38;

  /** Room for 38 digits, a sign, a point, an exponent and some leading zeros. */
  private static final int MAX_NUMBER_CHARS = 200;

  private AttributeValues() {}

  /**
   * Converts an item ({@code {name: AttributeValue}}) to a plain object.
   *
   * @throws IllegalArgumentException naming the attribute path and the type found
   */
  static ObjectNode item(JsonNode item, String path) {
    ObjectNode out = NODES.objectNode();
    if (item == null || item.isNull()) {
      return out;
    }
    if (!item.isObject()) {
      throw new IllegalArgumentException(path + " is not an object of attributes.");
    }
    for (Map.Entry<String, JsonNode> e : item.properties()) {
      out.set(e.getKey(), value(e.getValue(), path + "." + e.getKey()));
    }
    return out;
  }

  static JsonNode value(JsonNode attribute, String path) {
    if (attribute == null || !attribute.isObject() || attribute.size() != 1) {
      throw new IllegalArgumentException(
          path + " is not a DynamoDB AttributeValue (an object with exactly one type key).");
    }
    Map.Entry<String, JsonNode> typed = attribute.properties().iterator().next();
    JsonNode v = typed.getValue();
    return switch (typed.getKey()) {
      case "S", "B" -> NODES.textNode(v.asText());
      case "N" -> NODES.numberNode(number(v, path));
      case "BOOL" -> NODES.booleanNode(v.asBoolean());
      case "NULL" -> NODES.nullNode();
      case "M" -> item(v, path);
      case "L" -> list(v, path);
      case "SS", "BS" -> strings(v, path, false);
      case "NS" -> strings(v, path, true);
      default ->
          throw new IllegalArgumentException(
              path
                  + " has attribute type '"
                  + typed.getKey()
                  + "'; expected one of S, N, B, BOOL, NULL, M, L, SS, NS, BS.");
    };
  }

  /**
   * A number within DynamoDB's own limits: at most {@value #MAX_DIGITS} significant digits and a
   * magnitude from 1E-130 to under 1E+126, zero included. A value beyond them did not come from
   * DynamoDB, and converting it later (to a {@code long}, say) could compute a power of ten with
   * millions of digits.
   */
  private static BigDecimal number(JsonNode v, String path) {
    String text = v.asText();
    BigDecimal n;
    try {
      n = text.length() > MAX_NUMBER_CHARS ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      n = null;
    }
    if (n == null) {
      throw new IllegalArgumentException(
          path + " is type N but '" + abbreviate(text) + "' is not a number.");
    }
    if (n.signum() != 0) {
      BigDecimal digits = n.stripTrailingZeros();
      int exponent = digits.precision() - digits.scale() - 1; // of the leading digit
      if (digits.precision() > MAX_DIGITS || exponent < -130 || exponent > 125) {
        throw new IllegalArgumentException(
            path
                + " is type N but '"
                + abbreviate(text)
                + "' is beyond DynamoDB's numbers (at most 38 significant digits, magnitude from"
                + " 1E-130 to 9.99E+125).");
      }
    }
    return n;
  }

  private static String abbreviate(String text) {
    return text.length() <= 60 ? text : text.substring(0, 60) + "...";
  }

  private static ArrayNode list(JsonNode v, String path) {
    if (!v.isArray()) {
      throw new IllegalArgumentException(path + " is type L but not an array.");
    }
    ArrayNode out = NODES.arrayNode();
    int i = 0;
    for (JsonNode element : v) {
      out.add(value(element, path + "[" + i++ + "]"));
    }
    return out;
  }

  private static ArrayNode strings(JsonNode v, String path, boolean numbers) {
    if (!v.isArray()) {
      throw new IllegalArgumentException(path + " is a set type but not an array.");
    }
    ArrayNode out = NODES.arrayNode();
    for (JsonNode element : v) {
      if (numbers) {
        out.add(number(element, path));
      } else {
        out.add(element.asText());
      }
    }
    return out;
  }
}
