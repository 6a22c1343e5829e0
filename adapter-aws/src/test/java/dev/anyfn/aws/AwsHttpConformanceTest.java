package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.conformance.HttpConformanceSuite;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The shared HTTP conformance suite, sent as API Gateway HTTP API (payload 2.0) events through
 * {@link LambdaHandler} and read back from the proxy responses.
 */
class AwsHttpConformanceTest extends HttpConformanceSuite {
  private final Lambda lambda = new Lambda("conformance");

  @Override
  protected HttpResponse send(HttpRequest request) {
    return fromProxyResponse(lambda.callJson(toHttpApiEvent(request)));
  }

  static ObjectNode toHttpApiEvent(HttpRequest request) {
    ObjectNode e = Lambda.JSON.createObjectNode();
    e.put("version", "2.0").put("routeKey", "$default");
    e.put("rawPath", RequestParts.encodePath(request.path()));
    StringJoiner query = new StringJoiner("&");
    for (Map.Entry<String, List<String>> q : request.query().entrySet()) {
      for (String v : q.getValue()) {
        query.add(form(q.getKey()) + "=" + form(v));
      }
    }
    e.put("rawQueryString", query.toString());
    ObjectNode headers = e.putObject("headers");
    for (Map.Entry<String, List<String>> h : request.headers().asMap().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Cookie")) {
        ArrayNode cookies = e.putArray("cookies");
        h.getValue().forEach(v -> List.of(v.split(";\\s*")).forEach(cookies::add));
      } else {
        headers.put(h.getKey().toLowerCase(), String.join(",", h.getValue()));
      }
    }
    ObjectNode context = e.putObject("requestContext");
    context
        .put("domainName", "abc123.execute-api.us-east-1.amazonaws.com")
        .put("stage", "$default");
    context.putObject("http").put("method", request.method()).put("path", request.path());
    if (request.bodyLength() > 0) {
      e.put("body", Base64.getEncoder().encodeToString(request.body()));
      e.put("isBase64Encoded", true);
    } else {
      e.put("isBase64Encoded", false);
    }
    return e;
  }

  static HttpResponse fromProxyResponse(JsonNode r) {
    HttpResponse.Builder b = HttpResponse.status(r.get("statusCode").asInt());
    String contentType = null;
    for (Map.Entry<String, JsonNode> h : r.get("headers").properties()) {
      if (h.getKey().equalsIgnoreCase("Content-Type")) {
        contentType = h.getValue().asText();
      } else {
        b.header(h.getKey(), h.getValue().asText());
      }
    }
    JsonNode cookies = r.get("cookies");
    if (cookies != null) {
      cookies.forEach(c -> b.header("Set-Cookie", c.asText()));
    }
    String body = r.get("body").asText();
    byte[] bytes =
        r.get("isBase64Encoded").asBoolean()
            ? Base64.getDecoder().decode(body)
            : body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      b.body(bytes, contentType);
    }
    return b.build();
  }

  private static String form(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
