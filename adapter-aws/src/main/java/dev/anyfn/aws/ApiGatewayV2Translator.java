package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * API Gateway HTTP API, payload format 2.0: the query comes from {@code rawQueryString} (so values
 * containing commas survive), cookies from the {@code cookies} array, and {@code Set-Cookie}
 * response headers go back out as {@code cookies}.
 */
final class ApiGatewayV2Translator implements HttpTranslator {
  @Override
  public HttpRequest request(JsonNode event) {
    return HttpApiEvent.of(event).toRequest();
  }

  @Override
  public void response(HttpResponse response, JsonNode event, JsonGenerator out)
      throws IOException {
    out.writeStartObject();
    out.writeNumberField("statusCode", response.statusCode());
    out.writeObjectFieldStart("headers");
    List<String> cookies = null;
    for (Map.Entry<String, List<String>> h : response.headers().asMap().entrySet()) {
      if (h.getKey().equalsIgnoreCase("Set-Cookie")) {
        cookies = h.getValue();
      } else {
        out.writeStringField(h.getKey(), joined(h.getValue()));
      }
    }
    out.writeEndObject();
    if (cookies != null) {
      out.writeArrayFieldStart("cookies");
      for (String cookie : cookies) {
        out.writeString(cookie);
      }
      out.writeEndArray();
    }
    ProxyBodies.writeBody(response, out);
    out.writeEndObject();
  }

  private static String joined(List<String> values) {
    return values.size() == 1 ? values.get(0) : String.join(", ", values);
  }
}
