package dev.anyfn.bench.aws.handwritten;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The baseline the adapter is measured against: what a developer writes by hand for the hello
 * function on Lambda without anyfn. It parses the HTTP API event with Jackson into
 * aws-lambda-java-events' {@link APIGatewayV2HTTPEvent}, routes {@code GET /hello}, and writes the
 * same proxy response the adapter writes. Handler string: {@code
 * dev.anyfn.bench.aws.handwritten.HandWrittenHelloHandler::handleRequest}.
 */
public final class HandWrittenHelloHandler implements RequestStreamHandler {
  private static final Map<String, String> TEXT =
      Map.of("Content-Type", "text/plain; charset=utf-8");

  private final ObjectMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .defaultPropertyInclusion(
              JsonInclude.Value.construct(
                  JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
          .build();

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    APIGatewayV2HTTPEvent event = mapper.readValue(input, APIGatewayV2HTTPEvent.class);
    APIGatewayV2HTTPResponse response;
    if (event.getRequestContext().getHttp().getMethod().equals("GET")
        && event.getRawPath().equals("/hello")) {
      response =
          APIGatewayV2HTTPResponse.builder()
              .withStatusCode(200)
              .withHeaders(TEXT)
              .withBody("hello")
              .withIsBase64Encoded(false)
              .build();
    } else {
      response =
          APIGatewayV2HTTPResponse.builder()
              .withStatusCode(404)
              .withHeaders(TEXT)
              .withBody("not found")
              .withIsBase64Encoded(false)
              .build();
    }
    mapper.writeValue(output, response);
  }
}
