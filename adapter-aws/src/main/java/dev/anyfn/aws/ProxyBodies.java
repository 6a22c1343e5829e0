package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

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
    if (body == null || body.isNull()) {
      return new byte[0];
    }
    String text = body.asText();
    JsonNode flag = event.get("isBase64Encoded");
    if (flag != null && flag.asBoolean(false)) {
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

  /** Writes {@code body} and {@code isBase64Encoded}: text as is, anything else as base64. */
  static void responseBody(HttpResponse response, ObjectNode out) {
    byte[] body = response.body();
    String type = response.headers().first("Content-Type").orElse("");
    String text = body.length == 0 ? "" : isTextType(type) ? utf8OrNull(body) : null;
    if (text != null) {
      out.put("body", text);
      out.put("isBase64Encoded", false);
    } else {
      out.put("body", Base64.getEncoder().encodeToString(body));
      out.put("isBase64Encoded", true);
    }
  }

  static boolean isTextType(String contentType) {
    String t = contentType.toLowerCase(Locale.ROOT);
    int semi = t.indexOf(';');
    if (semi >= 0) {
      t = t.substring(0, semi);
    }
    t = t.strip();
    return t.startsWith("text/")
        || t.equals("application/json")
        || t.endsWith("+json")
        || t.equals("application/xml")
        || t.endsWith("+xml")
        || t.equals("application/javascript")
        || t.equals("application/x-www-form-urlencoded");
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
