package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Calls a {@link LambdaHandler} the way the runtime does, with events from the test resources. */
final class Lambda {
  static final ObjectMapper JSON = new ObjectMapper();

  private final LambdaHandler handler;
  private int requests;

  Lambda(String function) {
    this(Map.of("ANYFN_FUNCTION", function));
  }

  /** A handler with this environment. */
  Lambda(Map<String, String> environment) {
    this(new LambdaHandler(environment, Lambda.class.getClassLoader()));
  }

  /** Calls this handler. */
  Lambda(LambdaHandler handler) {
    this.handler = handler;
  }

  static ObjectNode event(String name) {
    try (InputStream in = Lambda.class.getResourceAsStream("/events/" + name)) {
      return (ObjectNode) JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] call(byte[] payload, TestLambdaContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      handler.handleRequest(new ByteArrayInputStream(payload), out, context);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  String callText(String payload) {
    return new String(
        call(payload.getBytes(StandardCharsets.UTF_8), TestLambdaContext.of("req-" + ++requests)),
        StandardCharsets.UTF_8);
  }

  JsonNode callJson(JsonNode event) {
    return callJson(event, TestLambdaContext.of("req-" + ++requests));
  }

  JsonNode callJson(JsonNode event, TestLambdaContext context) {
    try {
      byte[] out = call(JSON.writeValueAsBytes(event), context);
      return JSON.readTree(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
