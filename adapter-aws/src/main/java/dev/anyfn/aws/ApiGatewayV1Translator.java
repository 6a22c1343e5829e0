package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.Headers;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
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
    Headers.Builder headers = Headers.builder();
    JsonNode multi = event.get("multiValueHeaders");
    RequestParts.addHeaders(
        headers, multi != null && multi.isObject() ? multi : event.get("headers"));
    return b.headers(headers.build()).body(ProxyBodies.requestBody(event)).build();
  }

  @Override
  public ObjectNode response(HttpResponse response, JsonNode event, ObjectNode out) {
    out.put("statusCode", response.statusCode());
    ObjectNode single = out.putObject("headers");
    ObjectNode multi = out.putObject("multiValueHeaders");
    for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
      if (h.getValue().size() == 1) {
        single.put(h.getKey(), h.getValue().get(0));
      } else {
        ArrayNode values = multi.putArray(h.getKey());
        h.getValue().forEach(values::add);
      }
    }
    ProxyBodies.responseBody(response, out);
    return out;
  }
}
