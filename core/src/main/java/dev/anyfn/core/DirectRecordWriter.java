package dev.anyfn.core;

import dev.anyfn.core.RecordJson.Component;
import dev.anyfn.core.RecordJson.Shape;
import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A plain record's JSON written straight into bytes, byte for byte what jackson-core writes:
 * setting up jackson-core's generator costs more than writing a small answer whole. Strings are
 * escaped and encoded as jackson-core does them. It answers null for a value it does not write (a
 * double that is not finite, nesting deeper than {@link #MAX_WRITE_DEPTH}), and {@link RecordJson}
 * then writes it with jackson-core. {@code DirectRecordJsonTest} checks it against databind, with
 * the reading side.
 */
final class DirectRecordWriter {
  /** Nesting written here; jackson-core writes deeper values and enforces its limit on them. */
  private static final int MAX_WRITE_DEPTH = 64;

  /**
   * What a member adds to a record's JSON besides its name when its value is short: quotes, colon,
   * comma and a dozen characters of value.
   */
  static final int SHORT_MEMBER = 16;

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private DirectRecordWriter() {}

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
        if (DirectRecordReader.plainByte(c)) {
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

    /**
     * An ASCII character that is not {@link DirectRecordReader#plainByte}, as jackson-core writes
     * it.
     */
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
