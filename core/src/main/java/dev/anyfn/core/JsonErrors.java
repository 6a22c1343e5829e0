package dev.anyfn.core;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DatabindException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns Jackson's exceptions into caller-safe {@link JsonBodyException}s. */
final class JsonErrors {
  private JsonErrors() {}

  /**
   * The caller's fault as a {@link JsonBodyException}.
   *
   * @throws IllegalStateException when the fault is the type's, not the caller's (Jackson cannot
   *     make or reach it): a 500 and a log line, not a 400 that blames the caller
   */
  static JsonBodyException translate(IOException e, JavaType target) {
    if (e instanceof InvalidDefinitionException
        || causedBy(e, IllegalAccessException.class)
        || (e instanceof MismatchedInputException mi
            && unconstructible(String.valueOf(mi.getOriginalMessage())))) {
      throw new IllegalStateException(
          "JSON cannot be bound to "
              + (target == null ? "this type" : target.toCanonical())
              + ": "
              + ((JsonProcessingException) e).getOriginalMessage()
              + ". The type must be public, concrete and constructible (a record, or a class with"
              + " a public no-argument constructor).",
          e);
    }
    StreamConstraintsException limit = limitCause(e);
    if (limit != null) {
      String m = String.valueOf(limit.getOriginalMessage());
      String max = maximum(m);
      if (m.contains("nesting depth")) {
        return new JsonBodyException(
            "body_too_deep", "The JSON body is nested more than " + max + " levels deep.", e);
      }
      return new JsonBodyException("limit_exceeded", limitExceeded(m, max), e);
    }
    String where = location(e);
    JsonParseException p = parseCause(e);
    if (p != null) {
      String m = String.valueOf(p.getOriginalMessage());
      if (m.startsWith("Duplicate field")) {
        return new JsonBodyException(
            "duplicate_key",
            "The JSON body has a duplicate field" + quotedName(m) + where + ".",
            e);
      }
      if (m.startsWith("Invalid UTF-")) { // "Invalid UTF-8 start byte 0xe9", "... middle byte"
        return new JsonBodyException(
            "invalid_encoding",
            "The body is not valid UTF-8"
                + where
                + "; JSON is read as UTF-8 (RFC 8259), whatever charset the Content-Type names.",
            e);
      }
      return new JsonBodyException("invalid_json", "The body is not valid JSON" + where + ".", e);
    }
    if (e instanceof UnrecognizedPropertyException u) {
      return new JsonBodyException(
          "invalid_body", "Unknown field '" + u.getPropertyName() + "' at " + path(u) + ".", e);
    }
    if (e instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause();
      String reason = userReason(cause);
      reason = reason != null ? ": " + reason : ".";
      return new JsonBodyException("invalid_body", "The body could not be bound" + reason, e);
    }
    InputCoercionException range = coercionCause(e);
    if (range != null && e instanceof JsonMappingException m) {
      return new JsonBodyException(
          "invalid_body",
          at(path(m)) + " is out of range for " + range(range.getTargetType()) + ".",
          e);
    }
    if (e instanceof NullElements.Found f) {
      String expected = JsonShapes.expected(f.element());
      String at = path(f);
      return new JsonBodyException(
          "invalid_body",
          f.ordered()
              ? at(at) + " is null; expected " + expected + "."
              : "An element of "
                  + (at.equals("$") ? "the set" : "'" + at + "'")
                  + " is null; expected "
                  + expected
                  + ".",
          e);
    }
    if (e instanceof MismatchedInputException mi) {
      String m = String.valueOf(mi.getOriginalMessage());
      if (m.startsWith("Trailing token")) {
        return new JsonBodyException(
            "invalid_json", "The body has data after the JSON value" + where + ".", e);
      }
      if (m.startsWith("No content to map")) {
        return new JsonBodyException("body_required", "The body is empty; expected JSON.", e);
      }
      String expected =
          mi.getTargetType() != null
              ? JsonShapes.expected(mi.getTargetType())
              : JsonShapes.expected(target);
      String at = path(mi);
      if (m.startsWith("Cannot map `null`")) { // a primitive absent or null
        return new JsonBodyException(
            "invalid_body", at(at) + " is missing or null; expected " + expected + ".", e);
      }
      Matcher creator = NULL_CREATOR_PROPERTY.matcher(m);
      if (creator.lookingAt()) { // a record component absent or null
        String field = at.endsWith("." + creator.group(1)) ? at : at + "." + creator.group(1);
        return new JsonBodyException(
            "invalid_body",
            at(field)
                + " is missing or null; expected "
                + expected
                + " (declare it Optional if it may be left out).",
            e);
      }
      String found =
          mi instanceof InvalidFormatException f
              ? JsonShapes.describeValue(f.getValue())
              : JsonShapes.describeFound(m);
      return new JsonBodyException(
          "invalid_body", at(at) + " must be " + expected + foundText(found) + ".", e);
    }
    if (e instanceof DatabindException) {
      return new JsonBodyException("invalid_body", "The body could not be bound" + where + ".", e);
    }
    return new JsonBodyException("invalid_json", "The body could not be read as JSON.", e);
  }

  /** Jackson's words for a creator property (a record component) that is missing or null. */
  private static final Pattern NULL_CREATOR_PROPERTY =
      Pattern.compile("Null value for creator property '([^']*)'");

  /**
   * The message a record's constructor gave for refusing the value, when it is the user's own: an
   * {@code IllegalArgumentException}'s, or {@code Objects.requireNonNull}'s; never the JVM's text
   * of another exception (a helpful NPE message names code, not input).
   */
  private static String userReason(Throwable cause) {
    if (cause == null || cause.getMessage() == null) {
      return null;
    }
    if (cause instanceof IllegalArgumentException) {
      return cause.getMessage();
    }
    StackTraceElement[] frames = cause.getStackTrace();
    boolean requireNonNull =
        cause.getClass() == NullPointerException.class
            && frames.length > 0
            && frames[0].getClassName().equals("java.util.Objects")
            && frames[0].getMethodName().startsWith("requireNonNull");
    return requireNonNull ? cause.getMessage() : null;
  }

  /** Databind wraps parser failures met while binding (bad UTF-8 inside a field, for example). */
  private static JsonParseException parseCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof JsonParseException p) {
        return p;
      }
    }
    return null;
  }

  private static StreamConstraintsException limitCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof StreamConstraintsException s) {
        return s;
      }
    }
    return null;
  }

  private static String location(IOException e) {
    if (e instanceof JsonProcessingException p && p.getLocation() != null) {
      var loc = p.getLocation();
      if (loc.getLineNr() > 0) {
        return " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
      }
    }
    return "";
  }

  private static String quotedName(String message) {
    int a = message.indexOf('\'');
    int b = a < 0 ? -1 : message.indexOf('\'', a + 1);
    if (a < 0 || b < 0 || b - a > 100) {
      return "";
    }
    return " '" + message.substring(a + 1, b) + "'";
  }

  /** The JSON path of the failure: {@code $.user.age}, {@code $.items[2].qty}. */
  static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder("$");
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        b.append('.').append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  /** {@code The body} for the root, {@code Field '$.a.b'} below it. */
  private static String at(String path) {
    return path.equals("$") ? "The body" : "Field '" + path + "'";
  }

  private static InputCoercionException coercionCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InputCoercionException c) {
        return c;
      }
    }
    return null;
  }

  private static String range(Class<?> target) {
    if (target == int.class || target == Integer.class) {
      return "a 32-bit integer";
    }
    if (target == long.class || target == Long.class) {
      return "a 64-bit integer";
    }
    if (target == short.class || target == Short.class) {
      return "a 16-bit integer";
    }
    if (target == byte.class || target == Byte.class) {
      return "an 8-bit integer";
    }
    if (target == java.math.BigDecimal.class) {
      return "a decimal, whose exponent may be at most "
          + BoundedDecimals.MAX_SCALE
          + " either way";
    }
    return "its type";
  }

  /** Jackson's words for a type it has no way to make, whatever the JSON. */
  private static boolean unconstructible(String message) {
    return message.startsWith("Cannot construct instance")
        && (message.contains("no Creators, like default constructor, exist")
            || message.contains("abstract types either need to be mapped"));
  }

  private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
    for (Throwable c = t.getCause(); c != null && c != t; t = c, c = c.getCause()) {
      if (type.isInstance(c)) {
        return true;
      }
    }
    return false;
  }

  private static String foundText(String found) {
    return found == null ? "" : "; found " + found;
  }

  /**
   * The limit a {@code StreamConstraintsException} names ("... exceeds the maximum allowed (1000,
   * from `StreamReadConstraints.getMaxNumberLength()`)"), or "the allowed number of".
   */
  private static String maximum(String m) {
    int at = m.indexOf("maximum allowed (");
    if (at < 0) {
      return "the allowed number of";
    }
    int start = at + "maximum allowed (".length();
    int end = start;
    while (end < m.length() && Character.isDigit(m.charAt(end))) {
      end++;
    }
    return end > start ? m.substring(start, end) : "the allowed number of";
  }

  /** Which limit the body broke, in the caller's terms, without Jackson's class names. */
  private static String limitExceeded(String m, String max) {
    if (m.startsWith("Number value length")) {
      return "A number in the JSON body has more than " + max + " digits.";
    }
    if (m.startsWith("String value length")) {
      return "A string in the JSON body is longer than " + max + " characters.";
    }
    if (m.startsWith("Name length")) {
      return "A field name in the JSON body is longer than " + max + " characters.";
    }
    if (m.startsWith("Document length")) {
      return "The JSON body is longer than " + max + " bytes.";
    }
    if (m.startsWith("Token count")) {
      return "The JSON body has more than " + max + " tokens.";
    }
    return "The JSON body exceeds a size limit.";
  }
}
