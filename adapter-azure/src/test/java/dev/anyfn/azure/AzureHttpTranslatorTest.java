package dev.anyfn.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.microsoft.azure.functions.HttpStatus;
import dev.anyfn.HttpException;
import dev.anyfn.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AzureHttpTranslatorTest {
  @Test
  void hostAndFunctionPrefixesAreStrippedCaseInsensitively() {
    assertThat(AzureHttpTranslator.strip("/api/Shop/users/42", "api/shop")).contains("/users/42");
    assertThat(AzureHttpTranslator.strip("/api/shop", "api/shop")).contains("/");
    assertThat(AzureHttpTranslator.strip("/users/42", "")).contains("/users/42");
    assertThat(AzureHttpTranslator.strip("/shopping/x", "shop")).isEmpty();
    assertThat(AzureHttpTranslator.strip("/SHOP/", "shop")).contains("/");
    assertThat(AzureHttpTranslator.strip("/sho", "shop")).isEmpty();
    assertThat(AzureHttpTranslator.strip("/other/shop/x", "shop")).isEmpty();
    assertThat(AzureHttpTranslator.strip("", "")).contains("/");
  }

  @Test
  void statusCodesBecomeAzuresConstantsOrCustomValues() {
    assertThat(AzureHttpTranslator.status(200)).isSameAs(HttpStatus.OK);
    assertThat(AzureHttpTranslator.status(404)).isSameAs(HttpStatus.NOT_FOUND);
    assertThat(AzureHttpTranslator.status(299).value()).isEqualTo(299);
    assertThat(AzureHttpTranslator.status(299)).isNotInstanceOf(HttpStatus.class);
  }

  @Test
  void repeatedHeaderValuesOtherThanCookiesAreJoined() {
    HttpResponse neutral =
        HttpResponse.status(204).header("Vary", "Accept").header("vary", "Origin").build();
    AzureMocks.Response r =
        (AzureMocks.Response)
            new AzureHttpTranslator(AzureRuntimeOptions.from(Map.of()))
                .response(
                    AzureMocks.request("GET", "https://app/x", Map.of(), null), neutral, null, "r");
    assertThat(r.getStatusCode()).isEqualTo(204);
    assertThat(r.getHeader("Vary")).isEqualTo("Accept, Origin");
  }

  @Test
  void responsesCarryingTheSameHeadersInstanceShareOneConversion() {
    AzureHttpTranslator t = new AzureHttpTranslator(AzureRuntimeOptions.from(Map.of()));
    HttpResponse json = HttpResponse.status(200).body(new byte[] {'1'}, "application/json").build();
    AzureResponseHeaders first = t.azureHeaders(json.headers());
    assertThat(t.azureHeaders(json.headers())).isSameAs(first);
    assertThat(first.size()).isEqualTo(1);
    assertThat(first.name(0)).isEqualTo("Content-Type");
    assertThat(first.value(0)).isEqualTo("application/json");
  }

  @Test
  void aResponseWithOtherHeadersNeverGetsTheRememberedOnes() {
    AzureHttpTranslator t = new AzureHttpTranslator(AzureRuntimeOptions.from(Map.of()));
    var request = AzureMocks.request("GET", "https://app/x", Map.of(), null);
    HttpResponse json = HttpResponse.status(200).body(new byte[] {'1'}, "application/json").build();
    HttpResponse custom =
        HttpResponse.status(200)
            .body(new byte[] {'1'}, "application/json")
            .header("X-Trace", "t-1")
            .build();
    t.response(request, json, null, "r1");
    AzureMocks.Response r = (AzureMocks.Response) t.response(request, custom, null, "r2");
    assertThat(r.getHeader("X-Trace")).isEqualTo("t-1");
    assertThat(r.getHeader("Content-Type")).isEqualTo("application/json");
    AzureMocks.Response again = (AzureMocks.Response) t.response(request, json, null, "r3");
    assertThat(again.getHeader("X-Trace")).isNull();
    assertThat(again.getHeader("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void cookieMessageNamesEveryCookieAndTheWorkerIssue() {
    String message =
        AzureHttpTranslator.tooManyCookies(List.of("a=1; Path=/", "b=2", "flag"), "req-9");
    assertThat(message)
        .contains("Request req-9", "3 cookies ('a', 'b', 'flag')")
        .contains("https://github.com/Azure/azure-functions-java-worker/issues/788");
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
  void headerWithAControlCharacterIsRefusedWith400WhenRead() {
    AzureHttpTranslator t = new AzureHttpTranslator(AzureRuntimeOptions.from(Map.of()));
    AzureHttpTranslator.Translated r =
        t.request(
            AzureMocks.request(
                "GET", "https://app/hello", Map.of("x-bad", "a\nb", "accept", "*/*"), null),
            "",
            "r");

    assertThat(r.problem()).isNull();
    assertThat(r.request().header("Accept")).hasValue("*/*");
    assertThatThrownBy(() -> r.request().header("X-Bad"))
        .isInstanceOfSatisfying(HttpException.class, e -> assertThat(e.status()).isEqualTo(400))
        .hasMessageContaining("'x-bad'");
  }

  @Test
  void headerWithANullValueIsA400Problem() {
    Map<String, String> headers = new java.util.HashMap<>();
    headers.put("x-null", null);
    AzureHttpTranslator t = new AzureHttpTranslator(AzureRuntimeOptions.from(Map.of()));
    AzureHttpTranslator.Translated r =
        t.request(AzureMocks.request("GET", "https://app/hello", headers, null), "", "r");

    assertThat(r.problem().statusCode()).isEqualTo(400);
    assertThat(r.problem().bodyText()).contains("\"error\":\"invalid_header\"");
  }
}
