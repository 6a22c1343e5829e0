package dev.anyfn.bench.azure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.microsoft.azure.functions.ExecutionContext;
import com.microsoft.azure.functions.HttpMethod;
import com.microsoft.azure.functions.HttpRequestMessage;
import com.microsoft.azure.functions.HttpResponseMessage;
import com.microsoft.azure.functions.HttpStatus;
import com.microsoft.azure.functions.annotation.AuthorizationLevel;
import com.microsoft.azure.functions.annotation.FunctionName;
import com.microsoft.azure.functions.annotation.HttpTrigger;
import java.io.IOException;
import java.util.Optional;

/**
 * The baseline: what a developer would write by hand for Azure Functions to do the same work as the
 * anyfn function: check the content type, read the JSON body, call the same method, write JSON.
 */
public class HandWrittenFunctions {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectReader NAME = MAPPER.readerFor(HelloBenchFunction.Name.class);
  private static final ObjectWriter GREETING = MAPPER.writerFor(HelloBenchFunction.Greeting.class);

  /** The hand-written entry. */
  @FunctionName("hand-hello")
  public HttpResponseMessage hello(
      @HttpTrigger(
              name = "req",
              methods = {HttpMethod.POST},
              authLevel = AuthorizationLevel.ANONYMOUS,
              route = "hello",
              dataType = "binary")
          HttpRequestMessage<Optional<byte[]>> request,
      ExecutionContext context) {
    String type = request.getHeaders().get("content-type");
    if (type == null || !type.startsWith("application/json")) {
      return request.createResponseBuilder(HttpStatus.UNSUPPORTED_MEDIA_TYPE).build();
    }
    try {
      HelloBenchFunction.Name name = NAME.readValue(request.getBody().orElse(new byte[0]));
      return request
          .createResponseBuilder(HttpStatus.OK)
          .header("Content-Type", "application/json")
          .body(GREETING.writeValueAsBytes(HelloBenchFunction.greet(name)))
          .build();
    } catch (IOException e) {
      context.getLogger().info("Malformed body: " + e.getMessage());
      return request.createResponseBuilder(HttpStatus.BAD_REQUEST).build();
    }
  }
}
