package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A direct invocation on Google: an authenticated POST to the {@code -invoke} deployment. */
class InvokeEntryPointTest {
  private final InvokeEntryPoint entry =
      new InvokeEntryPoint(Map.of(GcpSettings.FUNCTION, "gcp-calc", GcpSettings.TRIGGER, "INVOKE"));

  private FakeGoogleHttp.Response post(String json) throws Exception {
    FakeGoogleHttp.Response response = new FakeGoogleHttp.Response();
    entry.service(
        new FakeGoogleHttp.Request(
            "POST",
            "/",
            Map.of(
                "Content-Type", List.of("application/json"),
                "Function-Execution-Id", List.of("exec-7")),
            json.getBytes(StandardCharsets.UTF_8)),
        response);
    return response;
  }

  @Test
  void jsonPayloadIsBoundAndTheResultAnsweredAsJson() throws Exception {
    FakeGoogleHttp.Response r = post("{\"a\":2,\"b\":3}");
    assertThat(r.status).isEqualTo(200);
    assertThat(r.getContentType())
        .hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
    assertThat(r.bodyText()).isEqualTo("{\"total\":5}");
  }

  @Test
  void payloadThatDoesNotBindIs400NamingTheProblem() throws Exception {
    FakeGoogleHttp.Response r = post("{\"a\":\"two\"");
    assertThat(r.status).isEqualTo(400);
    assertThat(r.bodyText()).contains("\"error\":\"invalid_payload\"").contains("exec-7");
  }

  @Test
  void handlerFailureIs500WithTheRequestIdAndNothingInternal() throws Exception {
    FakeGoogleHttp.Response r = post("{\"a\":-1,\"b\":3}");
    assertThat(r.status).isEqualTo(500);
    assertThat(r.bodyText()).contains("\"requestId\":\"exec-7\"").doesNotContain("SECRET");
  }

  @Test
  void otherMethodsAre405AllowingPost() throws Exception {
    FakeGoogleHttp.Response r = new FakeGoogleHttp.Response();
    entry.service(new FakeGoogleHttp.Request("GET", "/", Map.of(), new byte[0]), r);
    assertThat(r.status).isEqualTo(405);
    assertThat(r.getHeaders().get("Allow")).containsExactly("POST");
  }

  @Test
  void functionWithoutAnInvokeHandlerIsAConfigurationErrorSayingWhatToDeploy() {
    assertThatThrownBy(() -> new InvokeEntryPoint(Map.of(GcpSettings.FUNCTION, "gcp-web")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("Function 'gcp-web' has no @OnInvoke handler")
        .hasMessageContaining("dev.anyfn.gcp.HttpEntryPoint");
  }
}
