package dev.anyfn.core;

import dev.anyfn.HttpException;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/** Converts path, query, form and header strings to the scalar types handlers declare. */
final class Scalars {
  private Scalars() {}

  /**
   * A converter for a form field or query parameter of {@code type} (an HTML form sends either): as
   * {@link #converter}, except that a boolean also takes {@code on}, the value an HTML checkbox
   * without a {@code value} attribute sends when it is checked (an unchecked one sends nothing:
   * bind it as {@code Optional<Boolean>}).
   */
  static Function<String, Object> formConverter(Class<?> type, String what) {
    if (type != boolean.class && type != Boolean.class) {
      return converter(type, what);
    }
    return s -> {
      if (s.equalsIgnoreCase("true") || s.equals("on")) {
        return Boolean.TRUE;
      }
      if (s.equalsIgnoreCase("false")) {
        return Boolean.FALSE;
      }
      throw HttpException.badRequest(what + " must be true, false or on (a checked checkbox).");
    };
  }

  /** A converter for {@code type}, resolved once at startup. */
  static Function<String, Object> converter(Class<?> type, String what) {
    if (type == String.class) {
      return s -> s;
    }
    if (type == int.class || type == Integer.class) {
      return s -> parse(s, what, "an integer", Scalars::isInteger, Integer::valueOf);
    }
    if (type == long.class || type == Long.class) {
      return s -> parse(s, what, "a long integer", Scalars::isInteger, Long::valueOf);
    }
    if (type == double.class || type == Double.class) {
      return s -> parse(s, what, "a number", Scalars::isDecimal, Scalars::finiteDouble);
    }
    if (type == boolean.class || type == Boolean.class) {
      return s -> {
        if (s.equalsIgnoreCase("true")) {
          return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false")) {
          return Boolean.FALSE;
        }
        throw HttpException.badRequest(what + " must be true or false.");
      };
    }
    if (type == UUID.class) {
      return s -> parse(s, what, "a UUID", Scalars::isUuid, UUID::fromString);
    }
    if (type.isEnum()) {
      Object[] constants = type.getEnumConstants();
      return s -> {
        for (Object c : constants) {
          if (((Enum<?>) c).name().equalsIgnoreCase(s)) {
            return c;
          }
        }
        StringBuilder names = new StringBuilder();
        for (Object c : constants) {
          names.append(names.length() == 0 ? "" : ", ").append(((Enum<?>) c).name());
        }
        throw HttpException.badRequest(what + " must be one of " + names + ".");
      };
    }
    throw new ConfigurationException(
        what + " has type " + type.getName() + ", which anyfn cannot convert from text.");
  }

  /**
   * Parses {@code s} once {@code shape} accepts it. The JDK's parsers alone are too lenient for
   * text from a request: {@code Integer.valueOf} takes the digits of every script ("１２" is 12) and
   * {@code Double.valueOf} takes {@code NaN}, {@code Infinity}, hexadecimal and type suffixes, none
   * of which a JSON body would let through.
   */
  private static Object parse(
      String s,
      String what,
      String expected,
      Predicate<String> shape,
      Function<String, Object> parser) {
    String t = s.trim();
    try {
      if (shape.test(t)) {
        return parser.apply(t);
      }
    } catch (IllegalArgumentException e) {
      // not a value of the type: answered below
    }
    throw HttpException.badRequest(what + " must be " + expected + ".");
  }

  /** An optional sign and ASCII digits. */
  private static boolean isInteger(String s) {
    int start = !s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '+') ? 1 : 0;
    if (s.length() == start) {
      return false;
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /** ASCII digits, sign, point and exponent only: no NaN, Infinity, hex or type suffix. */
  private static boolean isDecimal(String s) {
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }

  /**
   * The 36-character form {@code 8-4-4-4-12} in ASCII hex digits. {@code UUID.fromString} alone
   * also takes shorter groups ("1-1-1-1-1" is 00000001-0001-0001-0001-000000000001), so two
   * spellings would name one id.
   */
  private static boolean isUuid(String s) {
    if (s.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = s.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (dash ? c != '-' : !hex) {
        return false;
      }
    }
    return true;
  }

  private static Object finiteDouble(String s) {
    double d = Double.parseDouble(s);
    if (Double.isInfinite(d)) {
      throw new NumberFormatException("out of range");
    }
    return d;
  }
}
