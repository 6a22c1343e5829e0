package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class AzureHostJsonTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String ANYFN =
      """
      {"version":"2.0",
       "extensionBundle":{"id":"Microsoft.Azure.Functions.ExtensionBundle","version":"[4.*, 5.0.0)"},
       "functionTimeout":"00:05:00",
       "extensions":{"http":{"routePrefix":"","maxConcurrentRequests":100}}}
      """;

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text);
  }

  @Test
  void addsWhatTheProjectsHostJsonLeavesUnsetAndKeepsItsOtherSettings() throws Exception {
    ObjectNode project =
        json(
            """
            {"version":"2.0",
             "extensionBundle":{"id":"Microsoft.Azure.Functions.ExtensionBundle","version":"[4.*, 5.0.0)"},
             "logging":{"logLevel":{"default":"Warning"}},
             "extensions":{"http":{"routePrefix":""},"queues":{"batchSize":8}}}
            """);

    AzureHostJson.Completed c = AzureHostJson.complete(project, json(ANYFN));

    assertThat(c.json())
        .isEqualTo(
            json(
                """
                {"version":"2.0",
                 "extensionBundle":{"id":"Microsoft.Azure.Functions.ExtensionBundle","version":"[4.*, 5.0.0)"},
                 "logging":{"logLevel":{"default":"Warning"}},
                 "extensions":{"http":{"routePrefix":"","maxConcurrentRequests":100},"queues":{"batchSize":8}},
                 "functionTimeout":"00:05:00"}
                """));
    assertThat(c.added())
        .containsExactly(
            "functionTimeout = \"00:05:00\"", "extensions.http.maxConcurrentRequests = 100");
    assertThat(c.kept()).isEmpty();
    assertThat(project.has("functionTimeout")).isFalse(); // the input is not changed
  }

  @Test
  void keepsAndReportsWhatTheProjectSetsOtherwiseComparingKeysIgnoringCase() throws Exception {
    ObjectNode project =
        json(
            """
            {"version":"2.0",
             "extensionBundle":{"id":"Microsoft.Azure.Functions.ExtensionBundle","version":"[4.*, 5.0.0)"},
             "FunctionTimeout":"00:01:00",
             "extensions":{"HTTP":{"routePrefix":"api","maxConcurrentRequests":100}}}
            """);

    AzureHostJson.Completed c = AzureHostJson.complete(project, json(ANYFN));

    assertThat(c.json().get("FunctionTimeout").asText()).isEqualTo("00:01:00");
    assertThat(c.json().has("functionTimeout")).isFalse();
    assertThat(c.json().at("/extensions/HTTP/routePrefix").asText()).isEqualTo("api");
    assertThat(c.added()).isEmpty();
    assertThat(c.kept())
        .containsExactly(
            "functionTimeout = \"00:01:00\" (anyfn's: \"00:05:00\")",
            "extensions.http.routePrefix = \"api\" (anyfn's: \"\")");
  }
}
