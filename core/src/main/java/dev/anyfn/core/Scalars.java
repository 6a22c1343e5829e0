package dev.anyfn.core;

import dev.anyfn.HttpException;
import java.util.UUID;
import java.util.function.Function;

/** Converts path, query and header strings to the scalar types handlers declare. */
final class Scalars {
  private Scalars() {}

  /** A converter for {@code type}, resolved once at startup. */
  static Function<String, Object> converter(Class<?> type, String what) {
    if (type == String.class) {
      return s -> s;
    }
    if (type == int.class || type == Integer.class) {
      return s -> parse(s, what, "an integer", Integer::valueOf);
    }
    if (type == long.class || type == Long.class) {
      return s -> parse(s, what, "a long integer", Long::valueOf);
    }
    if (type == double.class || type == Double.class) {
      return s -> parse(s, what, "a number", Double::valueOf);
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
      return s -> parse(s, what, "a UUID", UUID::fromString);
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

  private static Object parse(
      String s, String what, String expected, Function<String, Object> parser) {
    try {
      return parser.apply(s.trim());
    } catch (IllegalArgumentException e) {
      throw HttpException.badRequest(what + " must be " + expected + ".");
    }
  }
}
