package dev.anyfn.core;

import dev.anyfn.core.RecordJson.Component;
import dev.anyfn.core.RecordJson.Shape;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The commonest plain case of {@link RecordJson}, read and written straight from and to bytes: a
 * small document whose strings and names are printable ASCII without escapes (any strings, when
 * writing). Setting up jackson-core's parser or generator costs more than such a document's whole
 * scan, and most bodies and answers are such documents.
 *
 * <p>It decides nothing either: reading answers {@link RecordJson#MISS} at the first byte outside
 * that case (an escape, a byte outside printable ASCII, an unknown or repeated name, a null, a
 * number of another kind or out of range, ...) and {@link RecordJson} reads the document again with
 * jackson-core. Writing takes any string, escaped and encoded as jackson-core does, and answers
 * null for a value it does not write (a double that is not finite, deep nesting); {@link
 * RecordJson} then writes it with jackson-core. {@code AsciiRecordJsonTest} checks both against
 * jackson-core and databind.
 */
final class AsciiRecordJson {
  /** Components a record may have to be taken here: one bit each in a long. */
  static final int MAX_COMPONENTS = 64;

  /** Documents longer than this go to jackson-core, which streams them. */
  private static final int MAX_DOCUMENT = 64 * 1024;

  /** Nesting written here; jackson-core writes deeper values and enforces its limit on them. */
  private static final int MAX_WRITE_DEPTH = 64;

  /**
   * What a member adds to a record's JSON besides its name when its value is short: quotes, colon,
   * comma and a dozen characters of value.
   */
  static final int SHORT_MEMBER = 16;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** Characters of a double's literal read here; longer ones go to jackson-core. */
  private static final int MAX_DOUBLE_LITERAL = 32;

  private final int maxDocument;
  private final int maxDepth;

  /**
   * @param maxDocument the factory's document length limit
   * @param maxDepth the factory's nesting depth limit
   */
  AsciiRecordJson(long maxDocument, int maxDepth) {
    this.maxDocument = (int) Math.min(maxDocument < 0 ? Long.MAX_VALUE : maxDocument, MAX_DOCUMENT);
    this.maxDepth = maxDepth;
  }

  /** The bytes of a component name when it is printable ASCII that JSON writes unescaped. */
  static byte[] asciiName(String name) {
    if (name.length() > 1000) {
      return null; // beyond the factory's name length limit
    }
    for (int i = 0; i < name.length(); i++) {
      if (!plainByte(name.charAt(i))) {
        return null;
      }
    }
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /** A character JSON strings hold unescaped and this class takes: printable ASCII but " and \. */
  private static boolean plainByte(int c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  }

  /** The value of record {@code shape} in {@code json}, or {@link RecordJson#MISS}. */
  Object read(byte[] json, Shape shape) {
    if (json.length > maxDocument) {
      return RecordJson.MISS;
    }
    Reader r = new Reader(json);
    if (r.skipSpace() != '{') {
      return RecordJson.MISS;
    }
    Object value = r.object(shape, 1, maxDepth);
    return value == RecordJson.MISS || r.skipSpace() != -1 ? RecordJson.MISS : value;
  }

  /** One document's scan; each method answers MISS (or -1 for a byte) where the case ends. */
  private static final class Reader {
    private final byte[] json;
    private int pos;

    Reader(byte[] json) {
      this.json = json;
    }

    /** The next byte (0 to 255) that is not JSON whitespace, left unread; -1 at the end. */
    int skipSpace() {
      while (pos < json.length) {
        int b = json[pos] & 0xff;
        if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
          return b;
        }
        pos++;
      }
      return -1;
    }

    /** The record whose '{' is at {@code pos}, nested {@code depth} deep. */
    Object object(Shape shape, int depth, int maxDepth) {
      if (depth >= maxDepth) {
        return RecordJson.MISS;
      }
      pos++;
      Component[] components = shape.components();
      Object[] args = new Object[components.length];
      long seen = 0;
      int next = skipSpace();
      if (next == '}') {
        pos++;
      } else {
        while (true) {
          if (next != '"') {
            return RecordJson.MISS;
          }
          int i = name(components);
          if (i < 0 || (seen & (1L << i)) != 0 || skipSpace() != ':') {
            return RecordJson.MISS;
          }
          pos++;
          skipSpace();
          Object value = value(components[i], depth, maxDepth);
          if (value == RecordJson.MISS) {
            return RecordJson.MISS;
          }
          args[i] = value;
          seen |= 1L << i;
          next = skipSpace();
          pos++;
          if (next == '}') {
            break;
          }
          if (next != ',') {
            return RecordJson.MISS;
          }
          next = skipSpace();
        }
      }
      if (seen != (components.length == 64 ? -1L : (1L << components.length) - 1)) {
        return RecordJson.MISS;
      }
      return RecordJson.construct(shape, args);
    }

    /** The index of the component named by the string at {@code pos}, or -1. */
    private int name(Component[] components) {
      int start = pos + 1;
      int end = stringEnd(start);
      if (end < 0) {
        return -1;
      }
      pos = end + 1;
      int length = end - start;
      for (int i = 0; i < components.length; i++) {
        byte[] name = components[i].asciiName();
        if (name.length == length && Arrays.equals(json, start, end, name, 0, length)) {
          return i;
        }
      }
      return -1;
    }

    /** The index of the closing quote of a plain string starting at {@code start}, or -1. */
    private int stringEnd(int start) {
      for (int i = start; i < json.length; i++) {
        int b = json[i];
        if (b == '"') {
          return i;
        }
        if (!plainByte(b)) {
          return -1;
        }
      }
      return -1;
    }

    private Object value(Component c, int depth, int maxDepth) {
      if (pos >= json.length) {
        return RecordJson.MISS;
      }
      Object value =
          switch (c.kind()) {
            case STRING -> string();
            case INT -> integer(true);
            case LONG -> integer(false);
            case BOOLEAN -> bool();
            case DOUBLE -> decimal();
            case RECORD -> {
              Shape nested = RecordJson.SHAPES.get(c.recordType()).orElse(null);
              yield nested == null || !nested.ascii() || json[pos] != '{'
                  ? RecordJson.MISS
                  : object(nested, depth + 1, maxDepth);
            }
          };
      return value == RecordJson.MISS || !c.optional() ? value : Optional.of(value);
    }

    private Object string() {
      if (json[pos] != '"') {
        return RecordJson.MISS;
      }
      int start = pos + 1;
      int end = stringEnd(start);
      if (end < 0) {
        return RecordJson.MISS;
      }
      pos = end + 1;
      return new String(json, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** An int (or, when {@code !asInt}, a long) written as JSON writes integers, or MISS. */
    private Object integer(boolean asInt) {
      boolean negative = json[pos] == '-';
      int start = negative ? pos + 1 : pos;
      int i = start;
      long value = 0; // accumulated negatively, as Long.parseLong does, to reach Long.MIN_VALUE
      while (i < json.length && json[i] >= '0' && json[i] <= '9') {
        if (i - start == 19) {
          return RecordJson.MISS;
        }
        int digit = json[i] - '0';
        if (value < (Long.MIN_VALUE + digit) / 10) {
          return RecordJson.MISS;
        }
        value = value * 10 - digit;
        i++;
      }
      int digits = i - start;
      if (digits == 0
          || (digits > 1 && json[start] == '0')
          || (i < json.length && (json[i] == '.' || json[i] == 'e' || json[i] == 'E'))) {
        return RecordJson.MISS;
      }
      if (!negative) {
        if (value == Long.MIN_VALUE) {
          return RecordJson.MISS;
        }
        value = -value;
      }
      pos = i;
      if (asInt) {
        return value < Integer.MIN_VALUE || value > Integer.MAX_VALUE
            ? RecordJson.MISS
            : (Object) (int) value;
      }
      return value;
    }

    /** A double written with a fraction or an exponent, as jackson-core reads it, or MISS. */
    private Object decimal() {
      int i = pos;
      if (json[i] == '-') {
        i++;
      }
      int intStart = i;
      i = digits(i);
      if (i == intStart || (i - intStart > 1 && json[intStart] == '0')) {
        return RecordJson.MISS;
      }
      boolean fraction = i < json.length && json[i] == '.';
      if (fraction) {
        int start = ++i;
        i = digits(i);
        if (i == start) {
          return RecordJson.MISS;
        }
      }
      boolean exponent = i < json.length && (json[i] == 'e' || json[i] == 'E');
      if (exponent) {
        i++;
        if (i < json.length && (json[i] == '+' || json[i] == '-')) {
          i++;
        }
        int start = i;
        i = digits(i);
        if (i == start) {
          return RecordJson.MISS;
        }
      }
      if (!fraction && !exponent || i - pos > MAX_DOUBLE_LITERAL) {
        return RecordJson.MISS;
      }
      double value =
          Double.parseDouble(new String(json, pos, i - pos, StandardCharsets.ISO_8859_1));
      if (Double.isInfinite(value)) {
        return RecordJson.MISS;
      }
      pos = i;
      return value;
    }

    private int digits(int i) {
      while (i < json.length && json[i] >= '0' && json[i] <= '9') {
        i++;
      }
      return i;
    }

    private Object bool() {
      if (matches("true")) {
        pos += 4;
        return Boolean.TRUE;
      }
      if (matches("false")) {
        pos += 5;
        return Boolean.FALSE;
      }
      return RecordJson.MISS;
    }

    private boolean matches(String literal) {
      if (json.length - pos < literal.length()) {
        return false;
      }
      for (int i = 0; i < literal.length(); i++) {
        if (json[pos + i] != literal.charAt(i)) {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * The JSON of record {@code value}, byte for byte what jackson-core writes, or null when a double
   * in it is not finite or it nests deeper than {@link #MAX_WRITE_DEPTH}.
   *
   * @throws IOException when an accessor throws, or a component holds a value of another class than
   *     declared (as {@link RecordJson#write} reports them)
   */
  static byte[] write(Object value, Shape shape) throws IOException {
    Writer w = new Writer(shape.sizeHint());
    try {
      return w.object(value, shape, 1) ? Arrays.copyOf(w.bytes, w.size) : null;
    } catch (RuntimeException e) {
      throw new IOException("Cannot write " + value.getClass().getName(), e);
    }
  }

  /** One value's bytes, grown as needed; each method answers false where the case ends. */
  private static final class Writer {
    byte[] bytes;
    int size;

    Writer(int sizeHint) {
      bytes = new byte[sizeHint];
    }

    boolean object(Object value, Shape shape, int depth) throws IOException {
      if (depth > MAX_WRITE_DEPTH) {
        return false;
      }
      put('{');
      Component[] components = shape.components();
      for (int i = 0; i < components.length; i++) {
        Component c = components[i];
        if (i > 0) {
          put(',');
        }
        put('"');
        put(c.asciiName());
        put('"');
        put(':');
        Object v = RecordJson.component(value, c);
        if (c.optional() && v != null) {
          v = ((Optional<?>) v).orElse(null);
        }
        if (!value(c, v, depth)) {
          return false;
        }
      }
      put('}');
      return true;
    }

    private boolean value(Component c, Object v, int depth) throws IOException {
      if (v == null) {
        put("null");
        return true;
      }
      switch (c.kind()) {
        case STRING -> string((String) v);
        case INT -> put(Integer.toString((Integer) v));
        case LONG -> put(Long.toString((Long) v));
        case BOOLEAN -> put((Boolean) v ? "true" : "false");
        case DOUBLE -> {
          double d = (Double) v;
          if (!Double.isFinite(d)) {
            return false;
          }
          put(Double.toString(d));
        }
        case RECORD -> {
          Shape nested = RecordJson.SHAPES.get(c.recordType()).orElseThrow();
          return nested.ascii() && object(v, nested, depth + 1);
        }
      }
      return true;
    }

    /**
     * A string as jackson-core writes it: printable ASCII as it is; {@code "}, backslash and the
     * control characters escaped (the short escape where JSON has one, else {@code u00XX} in
     * upper-case hex), and so are the halves of a surrogate pair; DEL and everything else in UTF-8.
     */
    private void string(String s) {
      int length = s.length();
      ensure(length + 2); // one byte per character: the common case needs no other check
      bytes[size++] = '"';
      for (int i = 0; i < length; i++) {
        char c = s.charAt(i);
        if (plainByte(c)) {
          bytes[size++] = (byte) c;
          continue;
        }
        // room for this character's longest form, a byte for each one after it, the closing quote
        ensure(6 + length - i);
        if (c < 0x80) {
          escape(c);
        } else if (c < 0x800) {
          bytes[size++] = (byte) (0xc0 | c >> 6);
          bytes[size++] = (byte) (0x80 | c & 0x3f);
        } else if (!Character.isSurrogate(c)) {
          bytes[size++] = (byte) (0xe0 | c >> 12);
          bytes[size++] = (byte) (0x80 | c >> 6 & 0x3f);
          bytes[size++] = (byte) (0x80 | c & 0x3f);
        } else {
          // jackson-core escapes each half of a surrogate pair (and a lone one) rather than
          // writing the pair's code point in four UTF-8 bytes
          unicodeEscape(c);
        }
      }
      bytes[size++] = '"';
    }

    /** An ASCII character that is not {@link #plainByte}, as jackson-core writes it. */
    private void escape(char c) {
      int shortForm =
          switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\f' -> 'f';
            case '\n' -> 'n';
            case '\r' -> 'r';
            default -> 0;
          };
      if (shortForm != 0) {
        bytes[size++] = '\\';
        bytes[size++] = (byte) shortForm;
      } else if (c == 0x7f) {
        bytes[size++] = (byte) c; // DEL is written as it is
      } else {
        unicodeEscape(c);
      }
    }

    /** {@code \\uXXXX}, upper-case hex, as jackson-core writes it. */
    private void unicodeEscape(char c) {
      bytes[size++] = '\\';
      bytes[size++] = 'u';
      bytes[size++] = (byte) HEX[c >> 12];
      bytes[size++] = (byte) HEX[c >> 8 & 0xf];
      bytes[size++] = (byte) HEX[c >> 4 & 0xf];
      bytes[size++] = (byte) HEX[c & 0xf];
    }

    private void put(char c) {
      ensure(1);
      bytes[size++] = (byte) c;
    }

    private void put(byte[] b) {
      ensure(b.length);
      System.arraycopy(b, 0, bytes, size, b.length);
      size += b.length;
    }

    /** Appends ASCII text (digits, literals). */
    private void put(String ascii) {
      int length = ascii.length();
      ensure(length);
      for (int i = 0; i < length; i++) {
        bytes[size++] = (byte) ascii.charAt(i);
      }
    }

    private void ensure(int more) {
      if (size + more > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
      }
    }
  }
}
