package dev.anyfn.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JavaType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names what a JSON value must be, and what it was, in the caller's terms ({@code an integer},
 * {@code an array}, {@code one of "LOW", "HIGH"}) rather than Java's ({@code int}, {@code
 * ArrayList}, {@code Level}): the caller sent JSON and never sees the classes it is bound to.
 */
final class JsonShapes {
  /** Enum names listed in full up to this many; beyond it the list ends with the count left. */
  static final int ENUM_NAMES_SHOWN = 10;

  private JsonShapes() {}

  static String expected(JavaType type) {
    if (type == null) {
      return "a value of another type";
    }
    if (type.isReferenceType()) { // Optional<T>, AtomicReference<T>
      return expected(type.getContentType());
    }
    return expected(type.getRawClass());
  }

  static String expected(Class<?> c) {
    if (c == null) {
      return "a value of another type";
    }
    if (c == char.class || c == Character.class) {
      return "a string of one character";
    }
    if (CharSequence.class.isAssignableFrom(c)) {
      return "a string";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "true or false";
    }
    if (isInteger(c)) {
      return "an integer";
    }
    if (c == float.class || c == double.class || Number.class.isAssignableFrom(c)) {
      return "a number";
    }
    if (c.isEnum()) {
      return "one of " + enumNames(c);
    }
    if (c == byte[].class) {
      return "a base64 string";
    }
    if (c.isArray() || Collection.class.isAssignableFrom(c)) {
      return "an array";
    }
    if (c == UUID.class) {
      return "a UUID string";
    }
    if (c == Instant.class || c == OffsetDateTime.class || c == ZonedDateTime.class) {
      return "an ISO-8601 date-time string such as \"2026-01-31T09:30:00Z\"";
    }
    if (c == LocalDateTime.class) {
      return "an ISO-8601 date-time string such as \"2026-01-31T09:30:00\"";
    }
    if (c == LocalDate.class) {
      return "an ISO-8601 date string such as \"2026-01-31\"";
    }
    if (c == LocalTime.class) {
      return "an ISO-8601 time string such as \"09:30:00\"";
    }
    if (c == Duration.class) {
      return "an ISO-8601 duration string such as \"PT15M\"";
    }
    if (c == Object.class || c.getName().startsWith("com.fasterxml.jackson.databind.")) {
      return "a JSON value";
    }
    return "an object"; // a Map, a record or a bean
  }

  private static boolean isInteger(Class<?> c) {
    return c == int.class
        || c == long.class
        || c == short.class
        || c == byte.class
        || c == Integer.class
        || c == Long.class
        || c == Short.class
        || c == Byte.class
        || c == BigInteger.class;
  }

  /** The names the caller may send: a constant's {@code @JsonProperty} name, else its name. */
  private static String enumNames(Class<?> c) {
    Object[] constants = c.getEnumConstants();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < constants.length && i < ENUM_NAMES_SHOWN; i++) {
      String name = ((Enum<?>) constants[i]).name();
      try {
        JsonProperty p = c.getField(name).getAnnotation(JsonProperty.class);
        if (p != null && !p.value().isEmpty()) {
          name = p.value();
        }
      } catch (NoSuchFieldException | SecurityException e) {
        // the constant's own name then
      }
      names.add('"' + name + '"');
    }
    String shown = String.join(", ", names);
    int more = constants.length - names.size();
    return more > 0 ? shown + " (and " + more + " more)" : shown;
  }

  private static final Pattern TOKEN = Pattern.compile("\\(token `JsonToken\\.([A-Z_]+)`\\)");
  private static final Pattern SHAPE =
      Pattern.compile(
          "(?:from|Cannot coerce) (Object|Array|String|Number|Integer|Floating-point|Float|Boolean)"
              + " value( \\(([^)]*)\\))?");

  /**
   * What the caller sent, from Jackson's description of a mismatch ({@code ... from Array value
   * (token `JsonToken.START_ARRAY`)}); {@code null} when it does not say. The parser is closed by
   * the time the failure arrives, so the message is where the token is kept.
   */
  static String describeFound(String jacksonMessage) {
    Matcher token = TOKEN.matcher(jacksonMessage);
    if (token.find()) {
      return found(token.group(1));
    }
    Matcher shape = SHAPE.matcher(jacksonMessage);
    if (!shape.find()) {
      return null;
    }
    if (shape.group(1).equals("Number")) { // Number value (5), Number value (1.5)
      String value = shape.group(3);
      return value != null && value.matches("-?[0-9]+") ? "an integer" : "a number";
    }
    return found(shape.group(1));
  }

  /** A Jackson token name, or the shape word of its messages, in the caller's terms. */
  private static String found(String tokenOrShape) {
    return switch (tokenOrShape) {
      case "START_OBJECT", "Object" -> "an object";
      case "START_ARRAY", "Array" -> "an array";
      case "VALUE_STRING", "String" -> "a string";
      case "VALUE_NUMBER_INT", "Integer" -> "an integer";
      case "VALUE_NUMBER_FLOAT", "Floating-point", "Float" -> "a decimal number";
      case "VALUE_TRUE", "VALUE_FALSE", "Boolean" -> "a boolean";
      case "VALUE_NULL" -> "null";
      default -> null;
    };
  }

  /** What the caller sent, from the value Jackson read but could not convert. */
  static String describeValue(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String) {
      return "a string";
    }
    if (value instanceof Double || value instanceof Float || value instanceof BigDecimal) {
      return "a decimal number";
    }
    if (value instanceof Number) {
      return "an integer";
    }
    if (value instanceof Boolean) {
      return "a boolean";
    }
    if (value instanceof Map<?, ?>) {
      return "an object";
    }
    if (value instanceof Collection<?>) {
      return "an array";
    }
    return null;
  }
}
