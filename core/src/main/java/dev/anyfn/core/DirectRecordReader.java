package dev.anyfn.core;

import dev.anyfn.core.RecordJson.Component;
import dev.anyfn.core.RecordJson.Shape;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The commonest plain case of {@link RecordJson}'s reading, scanned straight from the bytes: a
 * small document whose names are printable ASCII and whose strings hold no escape, only printable
 * ASCII and well-formed UTF-8 beyond it (an accented name, a CJK word, an emoji). Setting up
 * jackson-core's parser costs more than such a document's whole scan, and most bodies are such
 * documents. ({@link DirectRecordWriter} is the writing side.)
 *
 * <p>It decides nothing: it answers {@link RecordJson#MISS} at the first byte outside that case (an
 * escape, a control character, a malformed UTF-8 sequence, an unknown or repeated name, a null, a
 * number of another kind or out of range, ...) and {@link RecordJson} reads the document again with
 * jackson-core, then databind. {@code DirectRecordJsonTest} checks it against databind.
 */
final class DirectRecordReader {
  /** Components a record may have to be taken here: one bit each in a long. */
  static final int MAX_COMPONENTS = 64;

  /** Documents longer than this go to jackson-core, which streams them. */
  private static final int MAX_DOCUMENT = 64 * 1024;

  /** Characters of a double's literal read here; longer ones go to jackson-core. */
  private static final int MAX_DOUBLE_LITERAL = 32;

  private final int maxDocument;
  private final int maxDepth;

  /**
   * @param maxDocument the factory's document length limit
   * @param maxDepth the factory's nesting depth limit
   */
  DirectRecordReader(long maxDocument, int maxDepth) {
    this.maxDocument = (int) Math.min(maxDocument < 0 ? Long.MAX_VALUE : maxDocument, MAX_DOCUMENT);
    this.maxDepth = maxDepth;
  }

  /** The bytes of a component name when it is printable ASCII that JSON writes unescaped. */
  static byte[] asciiName(String name) {
    if (name.length() > JsonLimits.MAX_NAME_LENGTH) {
      return null; // a name the factory refuses
    }
    for (int i = 0; i < name.length(); i++) {
      if (!plainByte(name.charAt(i))) {
        return null;
      }
    }
    return name.getBytes(StandardCharsets.US_ASCII);
  }

  /** A character JSON strings hold unescaped and this class takes: printable ASCII but " and \. */
  static boolean plainByte(int c) {
    return c >= 0x20 && c < 0x7f && c != '"' && c != '\\';
  }

  /** The value of record {@code shape} in {@code json}, or {@link RecordJson#MISS}. */
  Object read(byte[] json, Shape shape) {
    if (json.length > maxDocument) {
      return RecordJson.MISS;
    }
    Reader r = new Reader(json, maxDepth);
    if (r.skipSpace() != '{') {
      return RecordJson.MISS;
    }
    Object value = r.object(shape, 1);
    return value == RecordJson.MISS || r.skipSpace() != -1 ? RecordJson.MISS : value;
  }

  /** One document's scan; each method answers MISS (or -1 for a byte) where the case ends. */
  private static final class Reader {
    private final byte[] json;
    private final int maxDepth;
    private int pos;

    Reader(byte[] json, int maxDepth) {
      this.json = json;
      this.maxDepth = maxDepth;
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
    Object object(Shape shape, int depth) {
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
          Object value = value(components[i], depth);
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

    private Object value(Component c, int depth) {
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
                  : object(nested, depth + 1);
            }
          };
      return value == RecordJson.MISS || !c.optional() ? value : Optional.of(value);
    }

    /**
     * A string without escapes whose characters are printable ASCII or well-formed UTF-8 beyond
     * ASCII, or MISS. Well-formed as Unicode's table 3-7 has it (no overlong form, no surrogate,
     * nothing above U+10FFFF), so that decoding it as UTF-8 gives what jackson-core gives; anything
     * else goes to jackson-core, which refuses or reads it.
     */
    private Object string() {
      if (json[pos] != '"') {
        return RecordJson.MISS;
      }
      int start = pos + 1;
      boolean ascii = true;
      int i = start;
      while (true) {
        if (i >= json.length) {
          return RecordJson.MISS;
        }
        int b = json[i];
        if (b == '"') {
          break;
        }
        if (b >= 0) {
          if (!plainByte(b)) {
            return RecordJson.MISS;
          }
          i++;
        } else {
          int n = utf8Sequence(i);
          if (n < 0) {
            return RecordJson.MISS;
          }
          ascii = false;
          i += n;
        }
      }
      pos = i + 1;
      return new String(
          json, start, i - start, ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
    }

    /**
     * The length of the well-formed UTF-8 sequence of two to four bytes starting at {@code i}, or
     * -1 (Unicode 15, table 3-7).
     */
    private int utf8Sequence(int i) {
      int lead = json[i] & 0xff;
      int n;
      int low = 0x80;
      int high = 0xbf;
      if (lead >= 0xc2 && lead <= 0xdf) {
        n = 2;
      } else if (lead >= 0xe0 && lead <= 0xef) {
        n = 3;
        if (lead == 0xe0) {
          low = 0xa0; // shorter forms are overlong
        } else if (lead == 0xed) {
          high = 0x9f; // ED A0..BF would encode a surrogate
        }
      } else if (lead >= 0xf0 && lead <= 0xf4) {
        n = 4;
        if (lead == 0xf0) {
          low = 0x90; // overlong
        } else if (lead == 0xf4) {
          high = 0x8f; // beyond U+10FFFF
        }
      } else {
        return -1; // a continuation byte, C0, C1 or F5..FF
      }
      if (i + n > json.length) {
        return -1;
      }
      int second = json[i + 1] & 0xff;
      if (second < low || second > high) {
        return -1;
      }
      for (int k = 2; k < n; k++) {
        int next = json[i + k] & 0xff;
        if (next < 0x80 || next > 0xbf) {
          return -1;
        }
      }
      return n;
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
}
