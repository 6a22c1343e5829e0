package dev.anyfn;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** Percent-decoding done once, strictly, for paths, query strings and form bodies. */
final class PathDecoding {
  private PathDecoding() {}

  /**
   * The decoded segments of a raw path. Cuts the path with {@code indexOf} rather than a split and
   * a list: most paths have one or two segments, which end up in a {@code List.of} of that size.
   */
  static List<String> segments(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new IllegalArgumentException(
          "Path '" + rawPath + "' is not absolute; expected '/...'.");
    }
    int length = rawPath.length();
    if (length == 1) {
      return List.of();
    }
    // One trailing slash is dropped; what is left after the leading slash must be segments.
    int end = rawPath.charAt(length - 1) == '/' ? length - 1 : length;
    int slash = rawPath.indexOf('/', 1);
    if (slash < 0 || slash >= end) {
      return List.of(segment(rawPath.substring(1, end)));
    }
    List<String> segments = new ArrayList<>(8);
    int start = 1;
    while (true) {
      segments.add(segment(rawPath.substring(start, slash)));
      if (slash == end) {
        return List.copyOf(segments);
      }
      start = slash + 1;
      slash = rawPath.indexOf('/', start);
      if (slash < 0 || slash > end) {
        slash = end;
      }
    }
  }

  /** One decoded segment, refusing what could change the path's meaning once decoded. */
  private static String segment(String raw) {
    if (raw.isEmpty()) {
      throw new IllegalArgumentException("Path has an empty segment ('//').");
    }
    String segment = decode(raw, false);
    if (segment.equals(".") || segment.equals("..")) {
      throw new IllegalArgumentException("Path has a dot segment ('" + excerpt(raw) + "').");
    }
    if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(
          "Path segment '" + excerpt(raw) + "' encodes a slash, backslash or NUL.");
    }
    return segment;
  }

  static String formDecode(String raw) {
    return decode(raw, true);
  }

  /**
   * Hands each {@code name=value} pair of form-encoded text ({@code a=1&a=2&b}, a query string or a
   * form body) to {@code pair}, decoded, in order; empty pairs are skipped, a pair without {@code
   * =} has an empty value.
   *
   * @throws IllegalArgumentException if it is badly percent-encoded
   */
  static void forEachFormPair(String raw, BiConsumer<String, String> pair) {
    int start = 0;
    while (start <= raw.length()) {
      int end = raw.indexOf('&', start);
      if (end < 0) {
        end = raw.length();
      }
      if (end > start) {
        int eq = start;
        while (eq < end && raw.charAt(eq) != '=') {
          eq++; // within this pair only: a search to the end of the text would make many pairs
          // without '=' cost the square of the text's length
        }
        boolean hasValue = eq < end;
        String name = raw.substring(start, hasValue ? eq : end);
        String value = hasValue ? raw.substring(eq + 1, end) : "";
        pair.accept(formDecode(name), formDecode(value));
      }
      start = end + 1;
    }
  }

  /** Up to 40 characters of what a caller sent, for an error message that names it. */
  static String excerpt(String raw) {
    return raw.length() <= 40 ? raw : raw.substring(0, 40) + "...";
  }

  private static String decode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length()) {
          throw new IllegalArgumentException(
              "Truncated percent-encoding in '" + excerpt(raw) + "'.");
        }
        int hi = hexDigit(raw.charAt(i + 1));
        int lo = hexDigit(raw.charAt(i + 2));
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("Invalid percent-encoding in '" + excerpt(raw) + "'.");
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else {
        int cp = raw.codePointAt(i);
        if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
          throw new IllegalArgumentException(
              "'"
                  + excerpt(raw)
                  + "' has an unpaired surrogate at index "
                  + i
                  + "; it is not Unicode text.");
        }
        byte[] bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        i += Character.charCount(cp) - 1;
      }
    }
    try {
      return text(out.toByteArray(), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(
          "Percent-encoded bytes in '" + excerpt(raw) + "' are not UTF-8.");
    }
  }

  /**
   * {@code bytes} decoded in {@code charset}, nothing substituted.
   *
   * @throws CharacterCodingException when they are malformed or unmappable in it
   */
  static String text(byte[] bytes, Charset charset) throws CharacterCodingException {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /**
   * The value of an RFC 3986 {@code HEXDIG}, or -1. ASCII only: {@link Character#digit} also takes
   * the digits of other scripts, which would let {@code %} and two of those decode to a byte that
   * no other parser on the way reads the same.
   */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
