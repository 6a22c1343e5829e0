package com.example.website;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Upload;
import dev.anyfn.junit.AnyfnClient;
import dev.anyfn.junit.AnyfnTest;
import dev.anyfn.junit.FunctionLog;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
  void theContactFormIsAnsweredAndLogged(AnyfnClient client, FunctionLog log) {
    var response =
        client.postForm(
            "/contact", Map.of("email", "ada@example.com", "message", "Hello & thanks!"));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("Thanks! We will answer ada@example.com soon.");
    assertThat(log.entries("website"))
        .anySatisfy(
            e -> {
              assertThat(e.message()).isEqualTo("contact message");
              assertThat(e.fields()).containsEntry("characters", 15);
            });
  }

  @Test
  void theContactFormTakesAnAttachmentWhenPostedAsMultipart(AnyfnClient client) {
    var response =
        client.postMultipart(
            "/contact",
            Map.of("email", "ada@example.com", "message", "The notes, attached."),
            List.of(
                new Upload(
                    "attachment",
                    "notes.txt",
                    "text/plain",
                    "Note G".getBytes(StandardCharsets.UTF_8))));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText())
        .isEqualTo("Thanks! We will answer ada@example.com soon. We got notes.txt (6 bytes).");
  }

  @Test
  void aContactFormWithoutItsMessageIsA400NamingTheField(AnyfnClient client) {
    var response = client.postForm("/contact", Map.of("email", "ada@example.com"));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("Form field 'message' is required.");
  }

  @Test
  void pagesArePlainText(AnyfnClient client) {
    assertThat(client.get("/about").header("Content-Type")).hasValue("text/plain; charset=utf-8");
  }
}
