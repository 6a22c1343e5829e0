package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** A browser's preflight and call through API Gateway reach a function with {@code @Cors}. */
class CorsTest {
  private final Lambda lambda = new Lambda("cors-web");

  private static ObjectNode httpApi(String method, String origin) {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", "/cors").put("rawQueryString", "").remove("queryStringParameters");
    e.remove("cookies");
    e.withObject("/requestContext/http").put("method", method).put("path", "/cors");
    ObjectNode headers = e.putObject("headers");
    headers.put("origin", origin);
    if (method.equals("OPTIONS")) {
      headers.put("access-control-request-method", "GET");
    }
    return e;
  }

  @Test
  void aPreflightIsAnsweredForTheAllowedOrigin() {
    JsonNode r = lambda.callJson(httpApi("OPTIONS", "https://app.example.com"));

    assertThat(r.get("statusCode").asInt()).isEqualTo(204);
    assertThat(r.at("/headers/Access-Control-Allow-Origin").asText())
        .isEqualTo("https://app.example.com");
    assertThat(r.at("/headers/Access-Control-Allow-Methods").asText()).isEqualTo("GET, HEAD");
  }

  @Test
  void theCallOfTheAllowedOriginCarriesTheOriginAndAnotherOriginsDoesNot() {
    JsonNode allowed = lambda.callJson(httpApi("GET", "https://app.example.com"));
    JsonNode other = lambda.callJson(httpApi("GET", "https://evil.example"));

    assertThat(allowed.get("body").asText()).isEqualTo("shared");
    assertThat(allowed.at("/headers/Access-Control-Allow-Origin").asText())
        .isEqualTo("https://app.example.com");
    assertThat(other.get("body").asText()).isEqualTo("shared");
    assertThat(other.at("/headers").has("Access-Control-Allow-Origin")).isFalse();
  }
}
