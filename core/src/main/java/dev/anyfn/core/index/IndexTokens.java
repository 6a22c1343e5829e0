package dev.anyfn.core.index;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Typed reads over the index's {@link JsonParser}: each checks the token it finds and, when it is
 * not the expected one, throws an {@link IndexFormatException} that names the property, what was
 * found, where (line, column) and what was expected. Not thread-safe; one per document.
 */
final class IndexTokens {
  private final JsonParser parser;
  private final String origin;

  IndexTokens(JsonParser parser, String origin) {
    this.parser = parser;
    this.origin = origin;
  }

  /** The name of the property the parser is on. */
  String fieldName() throws IOException {
    return parser.currentName();
  }

  /** Moves to the next token; {@code null} at the end of the input. */
  JsonToken nextToken() throws IOException {
    return parser.nextToken();
  }

  /** Where the current token starts. */
  JsonLocation tokenLocation() {
    return parser.currentTokenLocation();
  }

  /** The current token. */
  JsonToken currentToken() {
    return parser.currentToken();
  }

  /** Reads one element of a list; the parser is on its first token. */
  @FunctionalInterface
  interface Element<T> {
    T read() throws IOException;
  }

  <T> List<T> list(String field, Element<T> element) throws IOException {
    if (parser.nextToken() == JsonToken.VALUE_NULL) {
      return null;
    }
    expect(JsonToken.START_ARRAY, "'" + field + "'");
    List<T> out = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      out.add(element.read());
    }
    return out;
  }

  /** Moves to the next property name of the current object; false at its end. */
  boolean nextField() throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.FIELD_NAME) {
      return true;
    }
    if (t == JsonToken.END_OBJECT) {
      return false;
    }
    throw malformed("expected a property name but found " + describe(t) + " " + where());
  }

  void skipValue() throws IOException {
    parser.nextToken();
    parser.skipChildren();
  }

  /** A string, or null; the parser moves onto the value (a list element is already there). */
  String text(String field) throws IOException {
    JsonToken t =
        parser.currentToken() == JsonToken.FIELD_NAME ? parser.nextToken() : parser.currentToken();
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    if (t != JsonToken.VALUE_STRING) {
      throw malformed("'" + field + "' must be a string but is " + describe(t) + " " + where());
    }
    return parser.getText();
  }

  int intValue(String field) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (t != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT) {
      throw malformed(
          "'" + field + "' must be a 32-bit integer but is " + describe(t) + " " + where());
    }
    return parser.getIntValue();
  }

  long longValue(String field) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return 0;
    }
    if (t != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw malformed("'" + field + "' must be an integer but is " + describe(t) + " " + where());
    }
    return parser.getLongValue();
  }

  boolean bool(String field) throws IOException {
    JsonToken t = parser.nextToken();
    if (t == JsonToken.VALUE_NULL) {
      return false;
    }
    if (t != JsonToken.VALUE_TRUE && t != JsonToken.VALUE_FALSE) {
      throw malformed(
          "'" + field + "' must be true or false but is " + describe(t) + " " + where());
    }
    return t == JsonToken.VALUE_TRUE;
  }

  <E extends Enum<E>> E enumValue(String field, Class<E> type, String what) throws IOException {
    String name = text(field);
    if (name == null) {
      return null;
    }
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    throw malformed(
        "unknown "
            + what
            + " '"
            + name
            + "' "
            + where()
            + "; expected one of "
            + names(type.getEnumConstants()));
  }

  static String names(Enum<?>[] constants) {
    return String.join(", ", Arrays.stream(constants).map(Enum::name).toList());
  }

  void expect(JsonToken expected, String what) {
    JsonToken t = parser.currentToken();
    if (t != expected) {
      throw malformed(
          what + " must be " + describe(expected) + " but is " + describe(t) + " " + where());
    }
  }

  <T> T required(T value, String field, String owner) {
    if (value == null) {
      throw malformed(owner + " has no '" + field + "'");
    }
    return value;
  }

  String where() {
    return where(parser.currentTokenLocation());
  }

  static String where(JsonLocation at) {
    return at == null ? "" : "(line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
  }

  static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the document";
    }
    return switch (t) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case FIELD_NAME -> "a property name";
      default -> t.asString() == null ? t.name() : "'" + t.asString() + "'";
    };
  }

  IndexFormatException malformed(String problem) {
    return unreadable(origin, problem, null);
  }

  static IndexFormatException unreadable(String origin, String problem, Throwable cause) {
    return new IndexFormatException(
        "The function index at "
            + origin
            + " is not readable: "
            + problem
            + ". Rebuild the project so the anyfn annotation processor writes it again.",
        cause);
  }
}
