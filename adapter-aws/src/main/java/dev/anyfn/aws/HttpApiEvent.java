package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fields of a payload format 2.0 event (HTTP API, function URL) that make the neutral request,
 * read either from a tree ({@link #of(JsonNode)}) or in one streaming pass ({@link
 * HttpApiEventReader}); {@link #toRequest()} builds the request from either, so both ways answer
 * alike.
 *
 * @param method {@code requestContext.http.method}
 * @param rawPath {@code rawPath}, with the stage prefix still on
 * @param stage {@code requestContext.stage}, or null
 * @param rawQuery {@code rawQueryString}, or null
 * @param headers header names and values, alternating, in event order
 * @param cookies the {@code cookies} array, possibly empty
 * @param body {@code body}, or null
 * @param base64 {@code isBase64Encoded}
 */
record HttpApiEvent(
    String method,
    String rawPath,
    String stage,
    String rawQuery,
    List<String> headers,
    List<String> cookies,
    String body,
    boolean base64) {
  private static final String WHERE = "The HTTP API event";

  /**
   * Reads the fields from a tree.
   *
   * @throws BadEventException when {@code requestContext.http.method} or {@code rawPath} is not a
   *     string
   */
  static HttpApiEvent of(JsonNode event) {
    JsonNode http = event.path("requestContext").path("http");
    String method = EventFields.text(http, "method", WHERE + " requestContext.http");
    String rawPath = EventFields.text(event, "rawPath", WHERE);
    List<String> headers = new ArrayList<>();
    JsonNode map = event.get("headers");
    if (map != null && map.isObject()) {
      for (Map.Entry<String, JsonNode> e : map.properties()) {
        if (e.getValue().isArray()) {
          for (JsonNode v : e.getValue()) {
            headers.add(e.getKey());
            headers.add(v.asText());
          }
        } else if (!e.getValue().isNull()) {
          headers.add(e.getKey());
          headers.add(e.getValue().asText());
        }
      }
    }
    List<String> cookies = new ArrayList<>();
    JsonNode array = event.get("cookies");
    if (array != null && array.isArray()) {
      array.forEach(c -> cookies.add(c.asText()));
    }
    JsonNode body = event.get("body");
    JsonNode flag = event.get("isBase64Encoded");
    return new HttpApiEvent(
        method,
        rawPath,
        EventFields.optionalText(event.path("requestContext"), "stage"),
        EventFields.optionalText(event, "rawQueryString"),
        headers,
        cookies,
        body == null || body.isNull() ? null : body.asText(),
        flag != null && flag.asBoolean(false));
  }

  /**
   * The neutral request. The query comes from {@code rawQueryString} (so values containing commas
   * survive) and the cookies from the {@code cookies} array.
   *
   * @throws InvalidHttpRequestException when the caller sent something untranslatable (answer 400)
   */
  HttpRequest toRequest() {
    HttpRequest.Builder b = RequestParts.start(method, withoutStage());
    RequestParts.rawQuery(b, rawQuery);
    Headers.Builder h = Headers.receivedBuilder();
    try {
      for (int i = 0; i < headers.size(); i += 2) {
        h.add(headers.get(i), headers.get(i + 1));
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidHttpRequestException("invalid_header", e.getMessage(), e);
    }
    if (!cookies.isEmpty()) {
      // The gateway split the Cookie header into this array; put it back as one header.
      if (h.contains("Cookie")) {
        h.remove("Cookie");
      }
      try {
        h.add("Cookie", String.join("; ", cookies));
      } catch (IllegalArgumentException e) {
        throw new InvalidHttpRequestException("invalid_header", e.getMessage(), e);
      }
    }
    return b.headers(h.build()).body(ProxyBodies.requestBody(body, base64)).build();
  }

  /**
   * A named stage (not {@code $default}) prefixes {@code rawPath} with {@code /<stage>}, while
   * routes are declared without it.
   */
  private String withoutStage() {
    if (stage == null || stage.isEmpty() || stage.equals("$default")) {
      return rawPath;
    }
    String prefix = "/" + stage;
    if (rawPath.equals(prefix)) {
      return "/";
    }
    return rawPath.startsWith(prefix + "/") ? rawPath.substring(prefix.length()) : rawPath;
  }
}
