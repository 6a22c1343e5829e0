package dev.anyfn.local;

/** Tiny JSON text helpers for the emulator's own small documents. */
final class Json {
  private Json() {}

  /** Escapes a string for use between JSON quotes. */
  static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }

  static String quote(String s) {
    return s == null ? "null" : "\"" + escape(s) + "\"";
  }
}
