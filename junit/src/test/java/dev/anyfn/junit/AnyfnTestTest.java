package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.Upload;
import dev.anyfn.junit.fixtures.Greeter;
import dev.anyfn.local.Emulator;
import dev.anyfn.local.EventApi;
import dev.anyfn.local.Profile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

@AnyfnTest(profile = Profile.GCP, environment = "GREETING=hey", retryBackoffMillis = 5)
class AnyfnTestTest {

  @Test
  void injectsAClientForTheEmulatorsRoutes(AnyfnClient client) {
    AnyfnClient.Response r = client.get("/greet");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("hey");
    assertThat(r.header("content-type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
  }

  @Test
  void postsJson(AnyfnClient client) {
    AnyfnClient.Response r = client.post("/greet", "{\"name\":\"Ada\"}");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"text\":\"hey, Ada\"}");
  }

  @Test
  void putsPatchesAndDeletes(AnyfnClient client) {
    AnyfnClient.Response put = client.put("/greet", "{\"name\":\"Ada\"}");
    AnyfnClient.Response patch = client.patch("/greet", "{\"name\":\"Grace\"}");
    AnyfnClient.Response delete = client.delete("/greet");

    assertThat(put.bodyText()).isEqualTo("{\"text\":\"replaced by Ada\"}");
    assertThat(patch.bodyText()).isEqualTo("{\"text\":\"amended by Grace\"}");
    assertThat(delete.status()).isEqualTo(204);
  }

  /** A value with what JSON writers disagree on: a date and an empty Optional. */
  record Dated(String name, LocalDate on, Optional<String> note) {}

  @Test
  void postsAnObjectAsJsonAndReadsTheAnswerIntoARecord(AnyfnClient client) {
    AnyfnClient.Response r = client.post("/greet", new Greeter.Name("Ada"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json(Greeter.Greeting.class)).isEqualTo(new Greeter.Greeting("hey, Ada"));
    assertThat(client.put("/greet", new Greeter.Name("Ada")).json(Greeter.Greeting.class))
        .isEqualTo(new Greeter.Greeting("replaced by Ada"));
    assertThat(client.patch("/greet", new Greeter.Name("Grace")).json(Greeter.Greeting.class))
        .isEqualTo(new Greeter.Greeting("amended by Grace"));
  }

  @Test
  void writesObjectsAsTheFunctionsWriteJsonAndSendsAStringAsItIs(AnyfnClient client) {
    Dated dated = new Dated("ada", LocalDate.of(2026, 1, 31), Optional.empty());
    Object text = "{\"name\": \"as typed\"}";

    assertThat(client.post("/echo", dated).bodyText())
        .isEqualTo("{\"name\":\"ada\",\"on\":\"2026-01-31\",\"note\":null}");
    assertThat(client.post("/echo", text).bodyText()).isEqualTo("{\"name\": \"as typed\"}");
  }

  @Test
  void readsJsonArraysAndDatesIntoTheirTypes() {
    AnyfnClient.Response r =
        new AnyfnClient.Response(
            200,
            Map.of(),
            "[{\"name\":\"ada\",\"on\":\"2026-01-31\",\"extra\":1}]"
                .getBytes(StandardCharsets.UTF_8));

    assertThat(r.json(Dated[].class))
        .containsExactly(new Dated("ada", LocalDate.of(2026, 1, 31), Optional.empty()));
  }

  @Test
  void aBodyThatIsNotJsonOfTheTypeFailsTheTestSayingWhatCameBack(AnyfnClient client) {
    AnyfnClient.Response text = client.get("/greet");

    assertThatThrownBy(() -> text.json(Greeter.Greeting.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "The response body is not JSON of Greeting: Unrecognized token 'hey'")
        .hasMessageEndingWith("Status 200, body: hey");
  }

  @Test
  void postsAFormEncodingItsFields(AnyfnClient client) {
    AnyfnClient.Response r = client.postForm("/greet/form", Map.of("name", "Zoë & Al"));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"text\":\"hey, Zoë & Al\"}");
  }

  @Test
  void postsAMultipartFormWithItsFiles(AnyfnClient client) {
    AnyfnClient.Response r =
        client.postMultipart(
            "/greet/card",
            Map.of("name", "Zoë"),
            List.of(
                new Upload(
                    "card", "card \"1\".png", "image/png", new byte[] {1, '\r', '\n', '-', '-'})));
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.bodyText()).isEqualTo("{\"text\":\"hey, Zoë (card %221%22.png, 5 bytes)\"}");
  }

  @Test
  void injectsTheEventApi(EventApi events) {
    Greeter.received.clear();
    events.send("names", "Grace");
    events.awaitIdle(Duration.ofSeconds(10));
    assertThat(Greeter.received).containsExactly("Grace");
  }

  @Test
  void sendsATestsOwnRecordToAQueueAsJsonThatTheHandlersTypeReads(EventApi events) {
    Greeter.received.clear();
    events.send("people", new Dated("Ada", LocalDate.of(2026, 1, 31), Optional.empty()));
    events.awaitIdle(Duration.ofSeconds(10));
    assertThat(Greeter.received).containsExactly("person Ada");
  }

  @Test
  void appliesTheAnnotationsOptionsAndListensOnALoopbackFreePort(Emulator emulator) {
    assertThat(emulator.profile()).isEqualTo(Profile.GCP);
    assertThat(emulator.baseUri().getHost()).isEqualTo("127.0.0.1");
    assertThat(emulator.baseUri().getPort()).isNotEqualTo(8080).isPositive();
  }

  @Test
  void everyTestOfTheClassSharesOneEmulator(Emulator a, Emulator b) {
    assertThat(a).isSameAs(b);
  }
}
