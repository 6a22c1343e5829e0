package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Headers;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The request id and trace id an HTTP deployment gives each invocation. */
class RequestIdentityTest {
  private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]*)\"");
  private static final Pattern UUID_V4 =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");

  private final HttpEntryPoint entry = new HttpEntryPoint(Map.of(GcpSettings.FUNCTION, "gcp-web"));

  private String requestIdOfA404(Map<String, List<String>> headers) throws Exception {
    FakeGoogleHttp.Response response = new FakeGoogleHttp.Response();
    entry.service(new FakeGoogleHttp.Request("GET", "/nowhere", headers, new byte[0]), response);
    assertThat(response.status).isEqualTo(404);
    Matcher m = REQUEST_ID.matcher(response.bodyText());
    assertThat(m.find()).as(response.bodyText()).isTrue();
    return m.group(1);
  }

  @Test
  void withoutAnExecutionIdEachRequestGetsItsOwnVersion4Uuid() throws Exception {
    String first = requestIdOfA404(Map.of());
    String second = requestIdOfA404(Map.of());
    assertThat(first).matches(UUID_V4);
    assertThat(second).matches(UUID_V4).isNotEqualTo(first);
  }

  @Test
  void aBlankExecutionIdIsReplacedByAGeneratedOne() throws Exception {
    assertThat(requestIdOfA404(Map.of(GoogleHeaders.EXECUTION_ID, List.of("  ")))).matches(UUID_V4);
  }

  @Test
  void googlesExecutionIdIsTheRequestId() throws Exception {
    assertThat(requestIdOfA404(Map.of("function-execution-id", List.of("exec-9"))))
        .isEqualTo("exec-9");
  }

  @Test
  void onlyTheFirstContextOfADeploymentIsTheColdStart() {
    DeployedFunction function =
        DeployedFunction.load(
            GcpSettings.from(Map.of(GcpSettings.FUNCTION, "gcp-web")), getClass().getClassLoader());
    assertThat(function.context(Optional.of("r-1"), Optional.empty()).coldStart()).isTrue();
    assertThat(function.context(Optional.of("r-2"), Optional.empty()).coldStart()).isFalse();
    assertThat(function.context(Optional.of("r-3"), Optional.empty()).coldStart()).isFalse();
  }

  @Test
  void theContextsTraceIdIsTheTraceIdAloneFromEitherHeader() {
    DeployedFunction function =
        DeployedFunction.load(
            GcpSettings.from(Map.of(GcpSettings.FUNCTION, "gcp-web")), getClass().getClassLoader());
    Headers cloud =
        Headers.builder()
            .add("X-Cloud-Trace-Context", "105445AA7843BC8BF206B12000100000/1;o=1")
            .build();
    Headers w3c =
        Headers.builder()
            .add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
            .build();

    assertThat(function.context(Optional.empty(), GoogleTrace.of(cloud)).traceId())
        .contains("105445aa7843bc8bf206b12000100000");
    assertThat(function.context(Optional.empty(), GoogleTrace.of(w3c)).traceId())
        .contains("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(
            function
                .context(
                    Optional.empty(),
                    GoogleTrace.of(Headers.builder().add("traceparent", "00-a-b-01").build()))
                .traceId())
        .isEmpty();
  }
}
