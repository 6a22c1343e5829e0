package dev.anyfn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MultipartBodyTest {
  private static final String BOUNDARY = "----WebKitFormBoundary7MA4YWxkTrZu0gW";
  private static final String TYPE = "multipart/form-data; boundary=" + BOUNDARY;

  /** Joins text and bytes into one body. */
  private static byte[] body(Object... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object piece : pieces) {
      byte[] bytes =
          piece instanceof byte[] b ? b : piece.toString().getBytes(StandardCharsets.UTF_8);
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }

  private static HttpRequest request(String contentType, byte[] body) {
    return HttpRequest.builder()
        .method("POST")
        .headers(Headers.builder().add("Content-Type", contentType).build())
        .body(body)
        .build();
  }

  private static HttpException badRequest(String contentType, byte[] body) {
    HttpRequest r = request(contentType, body);
    try {
      r.form();
    } catch (HttpException e) {
      assertThat(e.status()).isEqualTo(400);
      return e;
    }
    throw new AssertionError("expected a 400 for " + new String(body, StandardCharsets.UTF_8));
  }

  @Test
  void aBrowsersBodyGivesItsTextFieldsAndItsFilesAndSkipsAFileInputLeftEmpty() {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', '-', '-', 0, (byte) 0xff};
    byte[] body =
        body(
            "--" + BOUNDARY + "\r\n",
            "Content-Disposition: form-data; name=\"name\"\r\n\r\n",
            "René Descartes\r\n",
            "--" + BOUNDARY + "\r\n",
            "Content-Disposition: form-data; name=\"tag\"\r\n\r\n",
            "a\r\n",
            "--" + BOUNDARY + "\r\n",
            "content-disposition: form-data; name=\"avatar\"; filename=\"me.png\"\r\n",
            "Content-Type: image/png\r\n\r\n",
            png,
            "\r\n--" + BOUNDARY + "\r\n",
            "Content-Disposition: form-data; name=\"tag\"\r\n\r\n",
            "b\r\nc\r\n",
            "--" + BOUNDARY + "\r\n",
            "Content-Disposition: form-data; name=\"cv\"; filename=\"\"\r\n",
            "Content-Type: application/octet-stream\r\n\r\n",
            "\r\n--" + BOUNDARY + "--\r\n");

    HttpRequest r = request(TYPE, body);

    assertThat(r.form())
        .containsExactly(
            Map.entry("name", List.of("René Descartes")), Map.entry("tag", List.of("a", "b\r\nc")));
    assertThat(r.uploads()).containsOnlyKeys("avatar");
    Upload avatar = r.uploads().get("avatar").get(0);
    assertThat(avatar.field()).isEqualTo("avatar");
    assertThat(avatar.filename()).isEqualTo("me.png");
    assertThat(avatar.contentType()).isEqualTo("image/png");
    assertThat(avatar.bytes()).isEqualTo(png);
    assertThat(avatar).hasToString("Upload[avatar: me.png, image/png, 10 bytes]");
    assertThat(avatar)
        .isEqualTo(new Upload("avatar", "me.png", "image/png", png))
        .hasSameHashCodeAs(new Upload("avatar", "me.png", "image/png", png))
        .isNotEqualTo(new Upload("avatar", "me.png", "image/png", new byte[] {1}));
  }

  @Test
  void aPreambleAnEpilogueAQuotedBoundaryAndPaddingAfterABoundaryLineAreAllowed() {
    byte[] body =
        body(
            "This is the preamble.\r\n",
            "--simple boundary \t\r\n",
            "Content-Disposition: form-data; name=\"q\"\r\n\r\n",
            "x\r\n",
            "--simple boundary\r\n",
            "Content-Disposition: form-data; name=\"doc\"; filename=\"a \\\"b\\\".txt\"\r\n\r\n",
            "hello\r\n",
            "--simple boundary--\r\n",
            "This is the epilogue, with --simple boundary in it.");

    HttpRequest r =
        request("Multipart/Form-Data; charset=utf-8; boundary=\"simple boundary\"", body);

    assertThat(r.form()).containsExactly(Map.entry("q", List.of("x")));
    Upload doc = r.uploads().get("doc").get(0);
    assertThat(doc.filename()).isEqualTo("a \"b\".txt");
    assertThat(doc.contentType()).isEqualTo("application/octet-stream");
    assertThat(new String(doc.bytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
  }

  @Test
  void aBodyWithNoPartsIsAnEmptyForm() {
    HttpRequest r = request(TYPE, body("--" + BOUNDARY + "--\r\n"));

    assertThat(r.form()).isEmpty();
    assertThat(r.uploads()).isEmpty();
  }

  @Test
  void aFormEncodedBodyHasNoUploadsAndAnotherMediaTypeIs415() {
    HttpRequest form = request("application/x-www-form-urlencoded", body("a=1"));
    assertThat(form.uploads()).isEmpty();
    assertThat(form.form()).containsExactly(Map.entry("a", List.of("1")));

    assertThatThrownBy(() -> request("text/csv", body("a,b")).uploads())
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(415));
  }

  @Test
  void aContentTypeWithoutAValidBoundaryIs400SayingWhatIsExpected() {
    assertThat(badRequest("multipart/form-data", body("--x--")))
        .hasMessage(
            "The multipart/form-data Content-Type has no boundary parameter; expected, for"
                + " example, multipart/form-data; boundary=----x.");
    assertThat(badRequest("multipart/form-data; boundary=a\"b", body("--x--")))
        .hasMessage(
            "The multipart boundary is not valid: expected 1 to 70 letters, digits or"
                + " '()+_,-./:=? (RFC 2046).");
    assertThat(badRequest("multipart/form-data; boundary=" + "b".repeat(71), body("--x--")))
        .hasMessageStartingWith("The multipart boundary is not valid");
  }

  @Test
  void aBodyThatDoesNotFollowTheFormatIs400SayingWhere() {
    String start = "--" + BOUNDARY + "\r\n";
    String field = "Content-Disposition: form-data; name=\"a\"\r\n\r\n";
    assertThat(badRequest(TYPE, body("a=1&b=2")))
        .hasMessage(
            "The multipart body is malformed: it has no boundary line --"
                + BOUNDARY
                + ". Send multipart/form-data as RFC 7578 says.");
    assertThat(badRequest(TYPE, body(start, field, "1\r\n--" + BOUNDARY)))
        .hasMessageContaining("a boundary line is not followed by a line break");
    assertThat(badRequest(TYPE, body(start, field, "cut off")))
        .hasMessageContaining("it ends before its closing boundary line --" + BOUNDARY + "--");
    assertThat(
            badRequest(
                TYPE, body(start, "Content-Type: text/plain\r\n\r\nx\r\n--" + BOUNDARY + "--")))
        .hasMessageContaining(
            "part 1 has no 'Content-Disposition: form-data; name=\"...\"' header");
    assertThat(
            badRequest(
                TYPE,
                body(start, "Content-Disposition: form-data\r\n\r\nx\r\n--" + BOUNDARY + "--")))
        .hasMessageContaining("part 1 has no name in its Content-Disposition");
    assertThat(
            badRequest(
                TYPE,
                body(
                    start,
                    "Content-Disposition: form-data;\r\n name=\"a\"\r\n\r\nx\r\n--"
                        + BOUNDARY
                        + "--")))
        .hasMessageContaining("part 1 has a header line that is not 'Name: value'");
    assertThat(badRequest(TYPE, body(start, "X-Long: " + "a".repeat(9000) + "\r\n\r\nx")))
        .hasMessageContaining("part 1 has no blank line after its headers within 8192 bytes");
  }

  @Test
  void aPartWithoutHeadersIs400ForItsMissingContentDisposition() {
    byte[] body = body("--" + BOUNDARY + "\r\n\r\nx\r\n--" + BOUNDARY + "--");

    assertThat(badRequest(TYPE, body))
        .hasMessageContaining(
            "part 1 has no 'Content-Disposition: form-data; name=\"...\"' header");
  }

  @Test
  void aTextFieldThatIsNotUtf8Is400NamingIt() {
    byte[] body =
        body(
            "--" + BOUNDARY + "\r\n",
            "Content-Disposition: form-data; name=\"city\"\r\n\r\n",
            new byte[] {'M', (byte) 0xfc, 'n'},
            "\r\n--" + BOUNDARY + "--");

    assertThat(badRequest(TYPE, body)).hasMessage("Form field 'city' is not UTF-8 text.");
  }

  @Test
  void moreThanAThousandPartsAre400() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i <= HttpRequest.MAX_FORM_FIELDS; i++) {
      b.append("--").append(BOUNDARY).append("\r\n");
      b.append("Content-Disposition: form-data; name=\"f\"\r\n\r\nv\r\n");
    }
    b.append("--").append(BOUNDARY).append("--");

    assertThat(badRequest(TYPE, body(b)))
        .hasMessage(
            "The form has more than 1000 parts; send at most 1000, or send the data as JSON.");
  }

  @Test
  void theSearchFindsWhatAPlainScanFinds() {
    Random random = new Random(42);
    for (int round = 0; round < 2000; round++) {
      byte[] body = new byte[random.nextInt(200)];
      for (int i = 0; i < body.length; i++) {
        body[i] = (byte) "ab-\r\n".charAt(random.nextInt(5));
      }
      byte[] pattern = new byte[1 + random.nextInt(6)];
      for (int i = 0; i < pattern.length; i++) {
        pattern[i] = (byte) "ab-\r\n".charAt(random.nextInt(5));
      }
      int from = body.length == 0 ? 0 : random.nextInt(body.length);
      assertThat(MultipartBody.find(body, pattern, from, body.length))
          .as("round %d", round)
          .isEqualTo(scan(body, pattern, from));
    }
  }

  private static int scan(byte[] body, byte[] pattern, int from) {
    outer:
    for (int i = from; i + pattern.length <= body.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (body[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
