package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureHttpTranslatorTest {
  @Test
  void hostAndFunctionPrefixesAreStrippedCaseInsensitively() {
    assertThat(AzureHttpTranslator.strip("/api/Shop/users/42", "api/shop")).contains("/users/42");
    assertThat(AzureHttpTranslator.strip("/api/shop", "api/shop")).contains("/");
    assertThat(AzureHttpTranslator.strip("/users/42", "")).contains("/users/42");
    assertThat(AzureHttpTranslator.strip("/shopping/x", "shop")).isEmpty();
  }

  @Test
  void keptApiPrefixIsStrippedWhenConfigured() throws Exception {
    AzureHttpTranslator t =
        new AzureHttpTranslator(
            AzureRuntimeOptions.from(Map.of("ANYFN_AZURE_ROUTE_PREFIX", "/api/")));
    AzureHttpTranslator.Translated r =
        t.request(
            AzureMocks.request("GET", "https://app/api/hello?a=1&a=2", Map.of(), null), "", "r");
    assertThat(r.request().path()).isEqualTo("/hello");
    assertThat(r.request().query()).containsEntry("a", java.util.List.of("1", "2"));
  }

  @Test
  void headerWithAControlCharacterIsA400Problem() {
    AzureHttpTranslator t = new AzureHttpTranslator(AzureRuntimeOptions.from(Map.of()));
    AzureHttpTranslator.Translated r =
        t.request(
            AzureMocks.request("GET", "https://app/hello", Map.of("x-bad", "a\nb"), null), "", "r");
    assertThat(r.problem().statusCode()).isEqualTo(400);
    assertThat(r.problem().bodyText()).contains("\"error\":\"invalid_header\"");
  }
}
