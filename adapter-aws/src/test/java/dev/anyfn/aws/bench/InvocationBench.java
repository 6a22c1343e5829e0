package dev.anyfn.aws.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.anyfn.aws.TestHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Per-invocation cost of an HTTP API v2 event ({@code GET /hello} of the fixture function {@code
 * shop}) through {@code LambdaHandler}, against a hand-written {@link RequestStreamHandler} that
 * parses the same event with Jackson into aws-lambda-java-events' {@link APIGatewayV2HTTPEvent} and
 * writes the same response. Not a test: run it by hand with the module's test class path, e.g.
 * {@code java -cp target/test-classes:target/classes:$(cat cp.txt)
 * dev.anyfn.aws.bench.InvocationBench}.
 */
public final class InvocationBench {
  private InvocationBench() {}

  /** The hand-written baseline. */
  static final class HandWritten implements RequestStreamHandler {
    private final ObjectMapper mapper =
        JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

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
                .withHeaders(Map.of("Content-Type", "text/plain; charset=utf-8"))
                .withBody("hello")
                .withIsBase64Encoded(false)
                .build();
      } else {
        response = APIGatewayV2HTTPResponse.builder().withStatusCode(404).build();
      }
      mapper.writeValue(output, response);
    }
  }

  /**
   * Runs both handlers in alternating rounds and prints nanoseconds per invocation and the ratio.
   *
   * @param args optional: iterations per round (default 200000)
   */
  public static void main(String[] args) throws IOException {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
    byte[] event;
    try (InputStream in = InvocationBench.class.getResourceAsStream("/events/http-api-v2.json")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      event =
          text.replace("\"rawPath\": \"/echo\"", "\"rawPath\": \"/hello\"")
              .getBytes(StandardCharsets.UTF_8);
    }
    RequestStreamHandler adapter = TestHandlers.lambdaHandler("shop");
    RequestStreamHandler baseline = new HandWritten();
    Context context = TestHandlers.context("bench");
    System.out.println("adapter answer:  " + answer(adapter, event, context));
    System.out.println("baseline answer: " + answer(baseline, event, context));
    double adapterNs = 0;
    double baselineNs = 0;
    for (int round = 0; round < 5; round++) {
      adapterNs = time(adapter, event, context, iterations);
      baselineNs = time(baseline, event, context, iterations);
      System.out.printf(
          "round %d: adapter %.0f ns/op, hand-written %.0f ns/op, ratio %.2f%n",
          round, adapterNs, baselineNs, adapterNs / baselineNs);
    }
    System.out.printf(
        "final ratio adapter/hand-written: %.2f (target <= 1.3)%n", adapterNs / baselineNs);
  }

  private static String answer(RequestStreamHandler h, byte[] event, Context context)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    h.handleRequest(new ByteArrayInputStream(event), out, context);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static double time(RequestStreamHandler h, byte[] event, Context context, int n)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    long start = System.nanoTime();
    for (int i = 0; i < n; i++) {
      out.reset();
      h.handleRequest(new ByteArrayInputStream(event), out, context);
    }
    return (System.nanoTime() - start) / (double) n;
  }
}
