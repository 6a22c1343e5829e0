package dev.anyfn.aws;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import java.io.IOException;

/**
 * Lambda function URLs ({@code https://<id>.lambda-url.<region>.on.aws}). They send payload format
 * 2.0 with {@code routeKey} and {@code stage} set to {@code $default}, so the request and the
 * answer are those of the HTTP API; a separate class keeps the source explicit where it is
 * recognised.
 */
final class FunctionUrlTranslator implements HttpTranslator {
  private final ApiGatewayV2Translator payloadV2 = new ApiGatewayV2Translator();

  @Override
  public HttpRequest request(JsonNode event) {
    return payloadV2.request(event);
  }

  @Override
  public void response(HttpResponse response, JsonNode event, JsonGenerator out)
      throws IOException {
    payloadV2.response(response, event, out);
  }
}
