package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API, payload format 2.0: the query comes from {@code rawQueryString} (so values
 * containing commas survive), cookies from the {@code cookies} array, and {@code Set-Cookie}
 * response headers go back out as {@code cookies}.
 */
final class ApiGatewayV2Translator implements HttpTranslator {
  private static final String WHERE = "The HTTP API event";

  @Override
  public HttpRequest request(JsonNode event) {
    JsonNode http = event.path("requestContext").path("http");
    String method = EventFields.text(http, "method", WHERE + " requestContext.http");
    String rawPath = withoutStage(event, EventFields.text(event, "rawPath", WHERE));
    HttpRequest.Builder b = RequestParts.start(method, rawPath);
    RequestParts.rawQuery(b, EventFields.optionalText(event, "rawQueryString"));
    Headers.Builder headers = Headers.builder();
    RequestParts.addHeaders(headers, event.get("headers"));
    JsonNode cookies = event.get("cookies");
    if (cookies != null && cookies.isArray() && !cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach(c -> pairs.add(c.asText()));
      // The gateway split the Cookie header into this array; put it back as one header.
      if (headers.contains("Cookie")) {
        headers.remove("Cookie");
      }
      try {
        headers.add("Cookie", String.join("; ", pairs));
      } catch (IllegalArgumentException e) {
        throw new InvalidHttpRequestException("invalid_header", e.getMessage(), e);
      }
    }
    return b.headers(headers.build()).body(ProxyBodies.requestBody(event)).build();
  }

  /**
   * A named stage (not {@code $default}) prefixes {@code rawPath} with {@code /<stage>}, while
   * routes are declared without it.
   */
  private static String withoutStage(JsonNode event, String rawPath) {
    String stage = EventFields.optionalText(event.path("requestContext"), "stage");
    if (stage == null || stage.isEmpty() || stage.equals("$default")) {
      return rawPath;
    }
    String prefix = "/" + stage;
    if (rawPath.equals(prefix)) {
      return "/";
    }
    return rawPath.startsWith(prefix + "/") ? rawPath.substring(prefix.length()) : rawPath;
  }

  @Override
  public ObjectNode response(HttpResponse response, JsonNode event, ObjectNode out) {
    out.put("statusCode", response.statusCode());
    ObjectNode headers = out.putObject("headers");
    ArrayNode cookies = null;
    for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Set-Cookie")) {
        if (cookies == null) {
          cookies = out.putArray("cookies");
        }
        h.getValue().forEach(cookies::add);
      } else {
        headers.put(h.getKey(), String.join(", ", h.getValue()));
      }
    }
    ProxyBodies.responseBody(response, out);
    return out;
  }
}
