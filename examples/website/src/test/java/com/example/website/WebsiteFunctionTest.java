package com.example.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.AnyfnClient;
import dev.anyfn.junit.AnyfnTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@AnyfnTest
class WebsiteFunctionTest {
  @ParameterizedTest
  @CsvSource({
    "/, Welcome to Home!",
    "/about, This is About Page",
    "/contact, Contact us at hello@example.com"
  })
  void eachPageAnswersItsExactText(String path, String text, AnyfnClient client) {
    var response = client.get(path);

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo(text);
  }

  @ParameterizedTest
  @CsvSource({"/missing", "/about/team", "/a/b/c"})
  void anyOtherPathIsAPlainTextNotFound(String path, AnyfnClient client) {
    var response = client.get(path);

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.bodyText()).isEqualTo("Not Found");
  }

  @Test
  void pagesArePlainText(AnyfnClient client) {
    assertThat(client.get("/about").header("Content-Type")).hasValue("text/plain; charset=utf-8");
  }
}
