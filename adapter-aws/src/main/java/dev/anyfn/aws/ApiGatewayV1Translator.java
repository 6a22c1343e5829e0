package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * API Gateway REST API proxy integration, payload format 1.0. Headers and query parameters are read
 * from {@code multiValueHeaders} and {@code multiValueQueryStringParameters} (every value, in
 * order), falling back to the single-value maps; header names that differ only in case are one
 * header. The answer puts single-valued headers in {@code headers} and repeated ones in {@code
 * multiValueHeaders}, never the same name in both.
 */
final class ApiGatewayV1Translator implements HttpTranslator {
  private static final String WHERE = "The REST API event";

  @Override
  public HttpRequest request(JsonNode event) {
    String method = EventFields.text(event, "httpMethod", WHERE);
    String path = EventFields.text(event, "path", WHERE);
    HttpRequest.Builder b = RequestParts.start(method, RequestParts.encodePath(path));
    JsonNode query = event.get("multiValueQueryStringParameters");
    if (query == null || !query.isObject()) {
      query = event.get("queryStringParameters");
    }
    if (query != null && query.isObject()) {
      for (Map.Entry<String, JsonNode> e : query.properties()) {
        if (e.getValue().isArray()) {
          e.getValue().forEach(v -> b.addQuery(e.getKey(), v.asText()));
        } else if (!e.getValue().isNull()) {
          b.addQuery(e.getKey(), e.getValue().asText());
        }
      }
    }
    Headers.Builder headers = Headers.receivedBuilder();
    JsonNode multi = event.get("multiValueHeaders");
    RequestParts.addHeaders(
        headers, multi != null && multi.isObject() ? multi : event.get("headers"));
    return b.headers(headers.build()).body(ProxyBodies.requestBody(event)).build();
  }

  @Override
  public void response(HttpResponse response, JsonNode event, JsonGenerator out)
      throws IOException {
    Map<String, List<String>> headers = response.headers().asMap();
    out.writeStartObject();
    out.writeNumberField("statusCode", response.statusCode());
    out.writeObjectFieldStart("headers");
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getValue().size() == 1) {
        out.writeStringField(h.getKey(), h.getValue().get(0));
      }
    }
    out.writeEndObject();
    out.writeObjectFieldStart("multiValueHeaders");
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getValue().size() != 1) {
        out.writeArrayFieldStart(h.getKey());
        for (String value : h.getValue()) {
          out.writeString(value);
        }
        out.writeEndArray();
      }
    }
    out.writeEndObject();
    ProxyBodies.writeBody(response, out);
    out.writeEndObject();
  }
}
