package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.TextMediaTypes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Response bodies: text as JSON text exactly as Jackson writes a string, the rest as base64. */
class ProxyBodiesTest {
  private static String written(String contentType, byte[] body) throws IOException {
    HttpResponse response = HttpResponse.status(200).body(body, contentType).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
      g.writeStartObject();
      ProxyBodies.writeBody(response, g);
      g.writeEndObject();
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** How the adapter wrote a text body before it streamed its answers: Jackson, to UTF-8 bytes. */
  private static String asJackson(String text) throws IOException {
    return new String(Lambda.JSON.writeValueAsBytes(text), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "text/plain",
        "TEXT/HTML; charset=utf-8",
        "  application/json ; charset=utf-8",
        "application/problem+json",
        "application/atom+XML",
        "application/xml",
        "application/javascript",
        "application/x-www-form-urlencoded"
      })
  void textMediaTypesAreText(String contentType) {
    assertThat(TextMediaTypes.isText(contentType)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "image/png", "application/octet-stream", "application/jsonx", "json"})
  void otherMediaTypesAreNotText(String contentType) {
    assertThat(TextMediaTypes.isText(contentType)).isFalse();
  }

  @Test
  void asciiTextWithCharactersJsonEscapesIsWrittenAsJacksonWritesTheString() throws IOException {
    String text = "line 1\nline 2\t\"quoted\" \\ \u0001 </script>";

    assertThat(written("text/plain", text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("{\"body\":" + asJackson(text) + ",\"isBase64Encoded\":false}");
  }

  @Test
  void nonAsciiUtf8TextIsWrittenAsJacksonWritesTheString() throws IOException {
    String text = "héllo € \uD83D\uDE00";

    assertThat(written("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8)))
        .isEqualTo("{\"body\":" + asJackson(text) + ",\"isBase64Encoded\":false}");
  }

  @Test
  void invalidUtf8UnderATextTypeAndBinaryBodiesAreBase64() throws IOException {
    byte[] invalid = {'a', (byte) 0xC3, 'b'};
    byte[] binary = new byte[300];
    for (int i = 0; i < binary.length; i++) {
      binary[i] = (byte) i;
    }

    assertThat(written("text/plain", invalid))
        .isEqualTo(
            "{\"body\":\""
                + Base64.getEncoder().encodeToString(invalid)
                + "\",\"isBase64Encoded\":true}");
    assertThat(written("image/png", binary))
        .isEqualTo(
            "{\"body\":\""
                + Base64.getEncoder().encodeToString(binary)
                + "\",\"isBase64Encoded\":true}");
  }

  @Test
  void anEmptyBodyIsEmptyText() throws IOException {
    assertThat(written("image/png", new byte[0]))
        .isEqualTo("{\"body\":\"\",\"isBase64Encoded\":false}");
  }
}
