package dev.anyfn;

/**
 * The syntax every header name and value is checked against before it enters {@link Headers} or an
 * {@link HttpResponse}: names are RFC 9110 tokens, values have no control character other than
 * horizontal tab, so CR, LF and NUL can never split a response.
 */
final class HeaderSyntax {
  private HeaderSyntax() {}

  private static final boolean[] TOKEN = tokenChars();

  private static boolean[] tokenChars() {
    boolean[] token = new boolean[128];
    for (char c = '0'; c <= '9'; c++) {
      token[c] = true;
    }
    for (char c = 'a'; c <= 'z'; c++) {
      token[c] = true;
      token[c - 'a' + 'A'] = true;
    }
    for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
      token[c] = true;
    }
    return token;
  }

  /** Checks a header name: an RFC 9110 token. */
  static void checkName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("Header name is empty; expected an RFC 9110 token.");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c >= 128 || !TOKEN[c]) {
        throw new IllegalArgumentException(
            "Header name '"
                + printable(name)
                + "' contains character 0x"
                + Integer.toHexString(c)
                + "; header names must be RFC 9110 tokens.");
      }
    }
  }

  /** Checks a header value: no control characters except horizontal tab. */
  static void checkValue(String name, String value) {
    if (value == null) {
      throw new IllegalArgumentException("Header '" + name + "' has a null value.");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        throw new IllegalArgumentException(
            "Header '"
                + name
                + "' has control character 0x"
                + Integer.toHexString(c)
                + " in its value; CR, LF and NUL are rejected to prevent response splitting.");
      }
    }
  }

  /**
   * Checks what a response header value must hold beyond {@link #checkValue}, which {@link
   * Headers.Builder} applies: no character above U+00FF. A response header is written as bytes
   * (ISO-8859-1), and a server that truncates such a character to its low byte would turn U+010D
   * U+010A into CR LF, splitting the response. A null value is left to {@code checkValue}.
   */
  static void checkResponseValue(String name, String value) {
    if (value == null) {
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c > 0xff) {
        throw new IllegalArgumentException(
            "Header '"
                + name
                + "' has character U+"
                + String.format("%04X", (int) c)
                + " in its value; response header values are bytes (ISO-8859-1), so characters"
                + " above U+00FF are rejected. Percent-encode the value (RFC 8187 for"
                + " parameters).");
      }
    }
  }

  private static String printable(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      b.append(c < 0x20 || c == 0x7f ? "\\x" + Integer.toHexString(c) : String.valueOf(c));
    }
    return b.toString();
  }
}
