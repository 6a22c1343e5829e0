package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fuzz tests of what every adapter feeds the API from the wire: raw paths, raw query strings, form
 * bodies and header fields. Each input must either be refused with an {@link
 * IllegalArgumentException} or be accepted exactly as an independent strict reference reads it (RFC
 * 3986 percent-encoding with ASCII hex digits, UTF-8, nothing substituted), with no dot, empty or
 * slash-carrying segment ever reaching a handler. Under {@code mvn test} these run the saved inputs
 * in {@code src/test/resources/dev/anyfn/RequestParsingFuzzTestInputs}; {@code fuzz/run.sh} fuzzes
 * them.
 */
class RequestParsingFuzzTest {

  @FuzzTest(maxDuration = "60s")
  void aRawPathIsRefusedOrDecodedAsTheStrictReferenceDecodesIt(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    List<String> expected;
    try {
      expected = referenceSegments(raw);
    } catch (IllegalArgumentException e) {
      expected = null;
    }
    List<String> segments;
    try {
      segments = HttpRequest.builder().method("GET").rawPath(raw).build().pathSegments();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      if (expected != null) {
        fail("Path '%s' was refused (%s) but is valid: %s", raw, e.getMessage(), expected);
      }
      return;
    }
    if (expected == null) {
      fail("Path '%s' was accepted as %s but the reference refuses it", raw, segments);
    }
    assertThat(segments).as(raw).isEqualTo(expected);
  }

  @FuzzTest(maxDuration = "60s")
  void aRawQueryIsRefusedOrDecodedAsTheStrictReferenceDecodesIt(FuzzedDataProvider data) {
    String raw = data.consumeRemainingAsString();
    Map<String, List<String>> expected;
    try {
      expected = referenceQuery(raw);
    } catch (IllegalArgumentException e) {
      expected = null;
    }
    Map<String, List<String>> query;
    try {
      query = HttpRequest.builder().method("GET").rawPath("/").rawQuery(raw).build().query();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      if (expected != null) {
        fail("Query '%s' was refused (%s) but is valid: %s", raw, e.getMessage(), expected);
      }
      return;
    }
    if (expected == null) {
      fail("Query '%s' was accepted as %s but the reference refuses it", raw, query);
    }
    assertThat(query).as(raw).isEqualTo(expected);
  }

  @FuzzTest(maxDuration = "60s")
  void aFormBodyIsA400OrDecodedAsTheStrictReferenceDecodesAQuery(FuzzedDataProvider data) {
    byte[] body = data.consumeRemainingAsBytes();
    Map<String, List<String>> expected;
    try {
      expected = referenceQuery(strictUtf8(body));
      if (expected.values().stream().mapToInt(List::size).sum() > HttpRequest.MAX_FORM_FIELDS) {
        expected = null;
      }
    } catch (CharacterCodingException | IllegalArgumentException e) {
      expected = null;
    }
    HttpRequest request =
        HttpRequest.builder()
            .method("POST")
            .headers(
                Headers.builder().add("Content-Type", "application/x-www-form-urlencoded").build())
            .body(body)
            .build();
    Map<String, List<String>> form;
    try {
      form = request.form();
    } catch (HttpException e) {
      assertThat(e.status()).isEqualTo(400);
      assertThat(e.getMessage()).isNotBlank();
      if (expected != null) {
        fail("Form %s was refused (%s) but is valid: %s", request, e.getMessage(), expected);
      }
      return;
    }
    if (expected == null) {
      fail("Form was accepted as %s but the reference refuses it", form);
    }
    assertThat(form).isEqualTo(expected);
  }

  @FuzzTest(maxDuration = "60s")
  void aMultipartBodyIsA400OrItsPartsAndAWellFormedOneGivesBackWhatWasSent(
      FuzzedDataProvider data) {
    String boundary = "anyfnFuzz";
    String type = "multipart/form-data; boundary=" + boundary;
    if (data.consumeBoolean()) {
      // Any bytes: parts or a 400, never another exception.
      HttpRequest raw = multipart(type, data.consumeRemainingAsBytes());
      try {
        raw.form();
        raw.uploads();
      } catch (HttpException e) {
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isNotBlank();
      }
      return;
    }
    // A well-formed body built from the input: the parts come back as sent.
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<byte[]>> files = new LinkedHashMap<>();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int parts = data.consumeInt(0, 8);
    for (int i = 0; i < parts; i++) {
      String name = "f" + data.consumeInt(0, 3);
      byte[] content = data.consumeBytes(64);
      if (contains(content, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII))) {
        return; // the sender picks a boundary its content does not hold
      }
      boolean file = data.consumeBoolean();
      String head =
          "--"
              + boundary
              + "\r\nContent-Disposition: form-data; name=\""
              + name
              + "\""
              + (file ? "; filename=\"x.bin\"" : "")
              + "\r\n\r\n";
      body.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
      body.writeBytes(content);
      body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      if (file) {
        files.computeIfAbsent(name, k -> new ArrayList<>()).add(content);
      } else {
        try {
          fields.computeIfAbsent(name, k -> new ArrayList<>()).add(strictUtf8(content));
        } catch (CharacterCodingException e) {
          return; // a field that is not UTF-8 is a 400, tested with raw bodies
        }
      }
    }
    body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpRequest request = multipart(type, body.toByteArray());

    assertThat(request.form()).isEqualTo(fields);
    Map<String, List<String>> sent = new LinkedHashMap<>();
    files.forEach((k, v) -> sent.put(k, v.stream().map(RequestParsingFuzzTest::hex).toList()));
    Map<String, List<String>> received = new LinkedHashMap<>();
    request
        .uploads()
        .forEach((k, v) -> received.put(k, v.stream().map(u -> hex(u.bytes())).toList()));
    assertThat(received).isEqualTo(sent);
  }

  /** The bytes as UTF-8 text, refusing malformed input instead of replacing it. */
  private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  private static HttpRequest multipart(String type, byte[] body) {
    return HttpRequest.builder()
        .method("POST")
        .headers(Headers.builder().add("Content-Type", type).build())
        .body(body)
        .build();
  }

  private static boolean contains(byte[] body, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= body.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static String hex(byte[] bytes) {
    StringBuilder b = new StringBuilder();
    for (byte x : bytes) {
      b.append(String.format("%02x", x));
    }
    return b.toString();
  }

  @FuzzTest(maxDuration = "60s")
  void aHeaderFieldIsRefusedOrKeptAsSentWhenItCannotSplitAResponse(FuzzedDataProvider data) {
    String name = data.consumeString(40);
    String value = data.consumeRemainingAsString();
    Headers headers;
    try {
      headers = Headers.builder().add(name, value).build();
    } catch (IllegalArgumentException e) {
      assertThat(e.getMessage()).isNotBlank();
      assertThat(isToken(name) && isFieldValue(value))
          .as("refused name '%s' value '%s': %s", name, value, e.getMessage())
          .isFalse();
      return;
    }
    assertThat(isToken(name)).as(name).isTrue();
    assertThat(isFieldValue(value)).as(value).isTrue();
    assertThat(headers.first(name.toUpperCase(java.util.Locale.ROOT))).contains(value);
  }

  /** RFC 9110 token. */
  private static boolean isToken(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (char c : s.toCharArray()) {
      boolean ok =
          (c >= '0' && c <= '9')
              || (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** No control character but horizontal tab. */
  private static boolean isFieldValue(String s) {
    for (char c : s.toCharArray()) {
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return false;
      }
    }
    return true;
  }

  private static List<String> referenceSegments(String raw) {
    if (raw.isEmpty() || raw.charAt(0) != '/') {
      throw new IllegalArgumentException("not absolute");
    }
    String rest = raw.substring(1);
    if (rest.isEmpty()) {
      return List.of();
    }
    if (rest.endsWith("/")) {
      rest = rest.substring(0, rest.length() - 1);
    }
    List<String> segments = new ArrayList<>();
    for (String s : rest.split("/", -1)) {
      if (s.isEmpty()) {
        throw new IllegalArgumentException("empty segment");
      }
      String decoded = strictDecode(s, false);
      if (decoded.equals(".")
          || decoded.equals("..")
          || decoded.contains("/")
          || decoded.contains("\\")
          || decoded.contains("\0")) {
        throw new IllegalArgumentException("unsafe segment");
      }
      segments.add(decoded);
    }
    return segments;
  }

  private static Map<String, List<String>> referenceQuery(String raw) {
    Map<String, List<String>> query = new LinkedHashMap<>();
    for (String pair : raw.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = strictDecode(eq < 0 ? pair : pair.substring(0, eq), true);
      String value = eq < 0 ? "" : strictDecode(pair.substring(eq + 1), true);
      query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }
    return query;
  }

  /**
   * Percent-decoding as RFC 3986 defines it: {@code %} and two ASCII hex digits, the bytes read as
   * UTF-8 together with the literal characters around them, anything else refused.
   */
  private static String strictDecode(String raw, boolean plusIsSpace) {
    if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        if (i + 2 >= raw.length() || hex(raw.charAt(i + 1)) < 0 || hex(raw.charAt(i + 2)) < 0) {
          throw new IllegalArgumentException("bad escape");
        }
        out.write(hex(raw.charAt(i + 1)) * 16 + hex(raw.charAt(i + 2)));
        i += 2;
      } else if (c == '+' && plusIsSpace) {
        out.write(' ');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < raw.length()
          && Character.isLowSurrogate(raw.charAt(i + 1))) {
        out.writeBytes(raw.substring(i, i + 2).getBytes(StandardCharsets.UTF_8));
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException("lone surrogate");
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("not UTF-8");
    }
  }

  private static int hex(char c) {
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
