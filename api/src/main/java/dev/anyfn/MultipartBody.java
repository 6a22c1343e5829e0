package dev.anyfn;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a {@code multipart/form-data} body (RFC 7578) into its text fields and its files. Strict: a
 * body that does not follow the format is a 400 saying where it stops following it, never a partial
 * result. Parts are separated by {@code CRLF--boundary}, found with Horspool's search, so the time
 * taken grows with the body's length, not with its length times the boundary's.
 */
final class MultipartBody {
  /** The media type. */
  static final String MEDIA_TYPE = "multipart/form-data";

  /** The most bytes of one part's headers; browsers send a few hundred. */
  static final int MAX_PART_HEADER_BYTES = 8 * 1024;

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] HEADERS_END = {'\r', '\n', '\r', '\n'};

  private MultipartBody() {}

  /** The text fields and the files of a body, each in order of first occurrence. */
  record Parts(Map<String, List<String>> fields, Map<String, List<Upload>> uploads) {}

  /**
   * The parts of {@code body}, sent with the Content-Type header value {@code contentType}.
   *
   * @throws HttpException 400 naming what is wrong with the body or its boundary
   */
  static Parts parse(byte[] body, String contentType, int maxParts) {
    byte[] delimiter = ("--" + boundary(contentType)).getBytes(StandardCharsets.US_ASCII);
    int at = startsWith(body, 0, delimiter) ? 0 : find(body, crlf(delimiter), 0);
    if (at < 0) {
      throw malformed(
          "it has no boundary line " + new String(delimiter, StandardCharsets.US_ASCII));
    }
    if (at > 0) {
      at += 2; // past the CRLF that ends the preamble
    }
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<Upload>> uploads = new LinkedHashMap<>();
    byte[] next = crlf(delimiter);
    int parts = 0;
    int p = at + delimiter.length;
    while (!startsWith(body, p, new byte[] {'-', '-'})) {
      int start = lineEnd(body, p);
      if (++parts > maxParts) {
        throw HttpException.badRequest(
            "The form has more than "
                + maxParts
                + " parts; send at most "
                + maxParts
                + ", or send the data as JSON.");
      }
      int headersEnd;
      int contentStart;
      if (startsWith(body, start, CRLF)) {
        headersEnd = start;
        contentStart = start + 2;
      } else {
        headersEnd = find(body, HEADERS_END, start, start + MAX_PART_HEADER_BYTES + 4);
        if (headersEnd < 0) {
          throw malformed(
              "part "
                  + parts
                  + " has no blank line after its headers within "
                  + MAX_PART_HEADER_BYTES
                  + " bytes");
        }
        contentStart = headersEnd + 4;
      }
      int end = find(body, next, contentStart);
      if (end < 0) {
        throw malformed(
            "it ends before its closing boundary line "
                + new String(delimiter, StandardCharsets.US_ASCII)
                + "--");
      }
      addPart(
          headers(body, start, headersEnd, parts),
          Arrays.copyOfRange(body, contentStart, end),
          parts,
          fields,
          uploads);
      p = end + next.length;
    }
    return new Parts(HttpRequest.frozen(fields), HttpRequest.frozen(uploads));
  }

  /** The boundary parameter of a multipart/form-data Content-Type value. */
  static String boundary(String contentType) {
    int semicolon = contentType.indexOf(';');
    String boundary = null;
    while (semicolon >= 0) {
      int next = nextSemicolon(contentType, semicolon + 1);
      String param = contentType.substring(semicolon + 1, next < 0 ? contentType.length() : next);
      int eq = param.indexOf('=');
      if (eq > 0 && param.substring(0, eq).trim().equalsIgnoreCase("boundary")) {
        boundary = unquote(param.substring(eq + 1).trim());
      }
      semicolon = next;
    }
    if (boundary == null) {
      throw HttpException.badRequest(
          "The multipart/form-data Content-Type has no boundary parameter; expected, for example,"
              + " multipart/form-data; boundary=----x.");
    }
    if (boundary.isEmpty() || boundary.length() > 70 || !isBoundary(boundary)) {
      throw HttpException.badRequest(
          "The multipart boundary is not valid: expected 1 to 70 letters, digits or '()+_,-./:=?"
              + " (RFC 2046).");
    }
    return boundary;
  }

  private static int nextSemicolon(String s, int from) {
    boolean quoted = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isBoundary(String b) {
    for (int i = 0; i < b.length(); i++) {
      char c = b.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "'()+_,-./:=?".indexOf(c) >= 0
              || (c == ' ' && i < b.length() - 1);
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /**
   * After a boundary line's delimiter: optional spaces or tabs, then CRLF; where the next line
   * starts.
   */
  private static int lineEnd(byte[] body, int p) {
    int i = p;
    while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
      i++;
    }
    if (!startsWith(body, i, CRLF)) {
      throw malformed("a boundary line is not followed by a line break");
    }
    return i + 2;
  }

  /** The headers of a part, by lower-case name. */
  private static Map<String, String> headers(byte[] body, int from, int to, int part) {
    if (from == to) {
      return Map.of(); // a part without headers: its Content-Disposition is missing
    }
    String text;
    try {
      text = PathDecoding.text(Arrays.copyOfRange(body, from, to), StandardCharsets.UTF_8);
    } catch (CharacterCodingException e) {
      throw malformed("the headers of part " + part + " are not UTF-8 text");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    for (String line : text.split("\r\n", -1)) {
      int colon = line.indexOf(':');
      if (colon <= 0 || line.charAt(0) == ' ' || line.charAt(0) == '\t') {
        throw malformed("part " + part + " has a header line that is not 'Name: value'");
      }
      headers.put(
          line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          line.substring(colon + 1).trim());
    }
    return headers;
  }

  private static void addPart(
      Map<String, String> headers,
      byte[] content,
      int part,
      Map<String, List<String>> fields,
      Map<String, List<Upload>> uploads) {
    String disposition = headers.get("content-disposition");
    if (disposition == null
        || !disposition.regionMatches(true, 0, "form-data", 0, 9)
        || (disposition.length() > 9 && disposition.charAt(9) != ';')) {
      throw malformed(
          "part " + part + " has no 'Content-Disposition: form-data; name=\"...\"' header");
    }
    Map<String, String> params = params(disposition, part);
    String name = params.get("name");
    if (name == null) {
      throw malformed("part " + part + " has no name in its Content-Disposition");
    }
    String type = headers.get("content-type");
    String filename = params.get("filename");
    if (filename == null) {
      String value;
      try {
        value = PathDecoding.text(content, StandardCharsets.UTF_8);
      } catch (CharacterCodingException e) {
        throw HttpException.badRequest("Form field '" + name + "' is not UTF-8 text.");
      }
      fields.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    } else if (!filename.isEmpty() || content.length > 0) {
      // A browser sends a file input left empty as a part with filename="" and no content.
      uploads
          .computeIfAbsent(name, k -> new ArrayList<>())
          .add(
              Upload.owning(
                  name,
                  filename,
                  type == null || type.isEmpty() ? "application/octet-stream" : type,
                  content));
    }
  }

  /** The parameters of a Content-Disposition value, by lower-case name. */
  private static Map<String, String> params(String disposition, int part) {
    Map<String, String> params = new LinkedHashMap<>();
    int semicolon = nextSemicolon(disposition, 0);
    while (semicolon >= 0) {
      int next = nextSemicolon(disposition, semicolon + 1);
      String param = disposition.substring(semicolon + 1, next < 0 ? disposition.length() : next);
      int eq = param.indexOf('=');
      if (eq <= 0) {
        if (!param.isBlank()) {
          throw malformed("part " + part + " has a Content-Disposition parameter without a value");
        }
      } else {
        params.putIfAbsent(
            param.substring(0, eq).trim().toLowerCase(Locale.ROOT),
            unquote(param.substring(eq + 1).trim()));
      }
      semicolon = next;
    }
    return params;
  }

  /** A token as it is, or a quoted-string without its quotes and backslash escapes. */
  private static String unquote(String v) {
    if (v.length() < 2 || v.charAt(0) != '"' || v.charAt(v.length() - 1) != '"') {
      return v;
    }
    StringBuilder b = new StringBuilder(v.length());
    for (int i = 1; i < v.length() - 1; i++) {
      char c = v.charAt(i);
      if (c == '\\' && i + 1 < v.length() - 1) {
        c = v.charAt(++i);
      }
      b.append(c);
    }
    return b.toString();
  }

  private static HttpException malformed(String what) {
    return HttpException.badRequest(
        "The multipart body is malformed: "
            + what
            + ". Send multipart/form-data as RFC 7578 says.");
  }

  private static byte[] crlf(byte[] delimiter) {
    byte[] b = new byte[delimiter.length + 2];
    b[0] = '\r';
    b[1] = '\n';
    System.arraycopy(delimiter, 0, b, 2, delimiter.length);
    return b;
  }

  private static boolean startsWith(byte[] body, int at, byte[] prefix) {
    if (at < 0 || at + prefix.length > body.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (body[at + i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int find(byte[] body, byte[] pattern, int from) {
    return find(body, pattern, from, body.length);
  }

  /**
   * Where {@code pattern} starts in {@code body[from, to)}, or -1: Horspool's search, which skips
   * by the last byte of each window.
   */
  static int find(byte[] body, byte[] pattern, int from, int to) {
    int limit = Math.min(to, body.length);
    int m = pattern.length;
    int[] shift = new int[256];
    Arrays.fill(shift, m);
    for (int i = 0; i < m - 1; i++) {
      shift[pattern[i] & 0xff] = m - 1 - i;
    }
    int i = Math.max(0, from);
    while (i + m <= limit) {
      int j = m - 1;
      while (j >= 0 && body[i + j] == pattern[j]) {
        j--;
      }
      if (j < 0) {
        return i;
      }
      i += shift[body[i + m - 1] & 0xff];
    }
    return -1;
  }
}
