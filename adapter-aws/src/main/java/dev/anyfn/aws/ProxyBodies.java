package dev.anyfn.aws;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.TextMediaTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The {@code body} and {@code isBase64Encoded} fields every HTTP front door shares. */
final class ProxyBodies {
  private ProxyBodies() {}

  /**
   * The request body bytes, base64-decoded (strictly) when {@code isBase64Encoded} is true.
   *
   * @throws InvalidHttpRequestException {@code invalid_base64} when the body is not valid base64
   */
  static byte[] requestBody(JsonNode event) {
    JsonNode body = event.get("body");
    JsonNode flag = event.get("isBase64Encoded");
    return requestBody(
        body == null || body.isNull() ? null : body.asText(),
        flag != null && flag.asBoolean(false));
  }

  /**
   * The request body bytes of a {@code body} field (null when absent), base64-decoded (strictly)
   * when {@code base64}.
   *
   * @throws InvalidHttpRequestException {@code invalid_base64} when the body is not valid base64
   */
  static byte[] requestBody(String text, boolean base64) {
    if (text == null) {
      return new byte[0];
    }
    if (base64) {
      try {
        return Base64.getDecoder().decode(text);
      } catch (IllegalArgumentException e) {
        throw new InvalidHttpRequestException(
            "invalid_base64",
            "The request says isBase64Encoded but its body is not valid base64 ("
                + e.getMessage()
                + ").",
            e);
      }
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes the {@code body} and {@code isBase64Encoded} fields: a body of a text type that is valid
   * UTF-8 as text, anything else as base64 (standard alphabet, padded, no line breaks).
   */
  static void writeBody(HttpResponse response, JsonGenerator out) throws IOException {
    byte[] body = response.body();
    if (body.length == 0) {
      out.writeStringField("body", "");
      out.writeBooleanField("isBase64Encoded", false);
      return;
    }
    String type = response.headers().first("Content-Type").orElse("");
    if (TextMediaTypes.isText(type)) {
      if (isAscii(body)) {
        // ASCII, the common case: copied as is (the generator escapes what JSON requires), with no
        // intermediate String.
        out.writeFieldName("body");
        out.writeUTF8String(body, 0, body.length);
        out.writeBooleanField("isBase64Encoded", false);
        return;
      }
      String text = utf8OrNull(body);
      if (text != null) {
        out.writeStringField("body", text);
        out.writeBooleanField("isBase64Encoded", false);
        return;
      }
    }
    out.writeFieldName("body");
    out.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, body, 0, body.length);
    out.writeBooleanField("isBase64Encoded", true);
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static String utf8OrNull(byte[] body) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
