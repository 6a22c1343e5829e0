package dev.anyfn.processor;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers and booleans as indented JSON. Objects and lists
 * holding only scalars (or lists of scalars) stay on one line, as in the index format's examples.
 */
final class Json {
  private static final String INDENT = "  ";

  private final StringBuilder out = new StringBuilder();

  private Json() {}

  static String write(Object value) {
    Json json = new Json();
    json.value(value, "");
    return json.out.append('\n').toString();
  }

  private void value(Object value, String indent) {
    if (value instanceof Map<?, ?> map) {
      object(map, indent);
    } else if (value instanceof List<?> list) {
      array(list, indent);
    } else if (value instanceof String text) {
      string(text);
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      throw new IllegalArgumentException("Not a JSON value: " + value);
    }
  }

  private void object(Map<?, ?> map, String indent) {
    if (map.isEmpty()) {
      out.append("{}");
      return;
    }
    boolean flat = map.values().stream().allMatch(Json::isFlat);
    out.append(flat ? "{ " : "{\n");
    for (Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<?, ?> entry = it.next();
      if (!flat) {
        out.append(indent).append(INDENT);
      }
      string((String) entry.getKey());
      out.append(": ");
      value(entry.getValue(), indent + INDENT);
      out.append(it.hasNext() ? (flat ? ", " : ",\n") : "");
    }
    out.append(flat ? " }" : "\n" + indent + "}");
  }

  private void array(List<?> list, String indent) {
    if (list.isEmpty()) {
      out.append("[]");
      return;
    }
    boolean flat = list.stream().allMatch(Json::isScalar);
    out.append(flat ? "[" : "[\n");
    for (int i = 0; i < list.size(); i++) {
      if (!flat) {
        out.append(indent).append(INDENT);
      }
      value(list.get(i), indent + INDENT);
      if (i < list.size() - 1) {
        out.append(flat ? ", " : ",\n");
      }
    }
    out.append(flat ? "]" : "\n" + indent + "]");
  }

  private void string(String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isScalar(Object value) {
    return !(value instanceof Map<?, ?>) && !(value instanceof List<?>);
  }

  private static boolean isFlat(Object value) {
    return isScalar(value)
        || (value instanceof List<?> list && list.stream().allMatch(Json::isScalar));
  }
}
