package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.core.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LifecycleTest {
  private static String call(LambdaHandler handler, String event, String requestId)
      throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
        out,
        TestLambdaContext.of(requestId));
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void unknownFunctionNameIsAConfigurationErrorListingTheFunctions() {
    assertThatThrownBy(
            () -> new LambdaHandler(Map.of("ANYFN_FUNCTION", "shopp"), getClass().getClassLoader()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageStartingWith("No function named 'shopp'; this deployment has [")
        .hasMessageContaining("shop")
        .hasMessageEndingWith(
            "Check the function name in the deployment configuration (ANYFN_FUNCTION).");
  }

  @Test
  void snapStartPrimingCreatesTheInstanceAndTheFirstInvocationAfterRestoreIsCold()
      throws Exception {
    LambdaHandler handler =
        new LambdaHandler(
            Map.of("ANYFN_FUNCTION", "shop", "ANYFN_AWS_SNAPSTART", "true"),
            getClass().getClassLoader());
    assertThat(handler.toString()).isEqualTo("LambdaHandler[shop] with SnapStart");
    handler.prime();
    handler.restored();
    String url = Lambda.event("function-url.json").toString();
    JsonNode first = Lambda.JSON.readTree(call(handler, url, "r1"));
    JsonNode second = Lambda.JSON.readTree(call(handler, url, "r2"));
    assertThat(first.get("body").asText()).contains("\"cold\"");
    assertThat(second.get("body").asText()).contains("\"warm\"");
  }

  @Test
  void httpEventForAFunctionWithoutRoutesIsRejectedNamingItsTriggers() {
    LambdaHandler handler =
        new LambdaHandler(Map.of("ANYFN_FUNCTION", "queue-only"), getClass().getClassLoader());
    assertThatThrownBy(() -> call(handler, Lambda.event("http-api-v2.json").toString(), "r1"))
        .isInstanceOf(BadEventException.class)
        .hasMessage(
            "Lambda delivered an API Gateway HTTP API request (payload 2.0), but function"
                + " 'queue-only' has no HTTP routes; its triggers are: QUEUE jobs. Connect this"
                + " Lambda only to the event sources its triggers name.");
  }
}
