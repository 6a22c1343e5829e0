package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.core.Problems;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * Application Load Balancer targets. A target group sends either {@code headers} and {@code
 * queryStringParameters} or, with multi-value headers enabled, {@code multiValueHeaders} and {@code
 * multiValueQueryStringParameters}, and expects the answer in the same style. The load balancer
 * passes the path and query values as received, still percent-encoded.
 */
final class AlbTranslator implements HttpTranslator {
  private static final String WHERE = "The ALB event";

  @Override
  public HttpRequest request(JsonNode event) {
    String method = EventFields.text(event, "httpMethod", WHERE);
    String path = EventFields.text(event, "path", WHERE);
    HttpRequest.Builder b = RequestParts.start(method, path);
    boolean multiValue = multiValue(event);
    JsonNode query =
        event.get(multiValue ? "multiValueQueryStringParameters" : "queryStringParameters");
    RequestParts.rawQuery(b, rawQuery(query));
    Headers.Builder headers = Headers.receivedBuilder();
    RequestParts.addHeaders(headers, event.get(multiValue ? "multiValueHeaders" : "headers"));
    return b.headers(headers.build()).body(ProxyBodies.requestBody(event)).build();
  }

  private static boolean multiValue(JsonNode event) {
    JsonNode m = event.get("multiValueHeaders");
    return m != null && m.isObject();
  }

  private static String rawQuery(JsonNode query) {
    if (query == null || !query.isObject()) {
      return null;
    }
    StringBuilder s = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : query.properties()) {
      Iterable<JsonNode> values = e.getValue().isArray() ? e.getValue() : List.of(e.getValue());
      for (JsonNode v : values) {
        if (s.length() > 0) {
          s.append('&');
        }
        s.append(e.getKey()).append('=').append(v.asText());
      }
    }
    return s.toString();
  }

  /** The reason phrase ALB wants in {@code statusDescription}. */
  static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 303 -> "See Other";
      case 304 -> "Not Modified";
      case 307 -> "Temporary Redirect";
      case 308 -> "Permanent Redirect";
      default -> Problems.title(status);
    };
  }

  /**
   * Why {@code response} cannot be answered to {@code event}, or null: a target group without
   * multi-value headers takes one value per header, and cookies cannot be joined into one (a client
   * would read them as one cookie), so all but one would be lost.
   */
  static String cookiesLost(HttpResponse response, JsonNode event) {
    int cookies = response.headers().all("Set-Cookie").size();
    if (cookies <= 1 || multiValue(event)) {
      return null;
    }
    return "The response sets "
        + cookies
        + " cookies, but the load balancer's target group takes one value per header"
        + " (multi-value headers are off), so all but one would be lost; answered 500 instead."
        + " Turn on multi-value headers for the target group"
        + " (lambda.multi_value_headers.enabled), or set one cookie per response.";
  }

  @Override
  public void response(HttpResponse response, JsonNode event, JsonGenerator out)
      throws IOException {
    out.writeStartObject();
    out.writeNumberField("statusCode", response.statusCode());
    out.writeStringField(
        "statusDescription", response.statusCode() + " " + reason(response.statusCode()));
    if (multiValue(event)) {
      out.writeObjectFieldStart("multiValueHeaders");
      for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
        out.writeArrayFieldStart(h.getKey());
        for (String value : h.getValue()) {
          out.writeString(value);
        }
        out.writeEndArray();
      }
    } else {
      out.writeObjectFieldStart("headers");
      for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
        // One value per name: a list header's values joined as RFC 9110 allows (cookies cannot
        // be, see cookiesLost, so the one left is written).
        out.writeStringField(
            h.getKey(),
            h.getKey().equalsIgnoreCase("Set-Cookie")
                ? h.getValue().get(h.getValue().size() - 1)
                : String.join(", ", h.getValue()));
      }
    }
    out.writeEndObject();
    ProxyBodies.writeBody(response, out);
    out.writeEndObject();
  }
}
