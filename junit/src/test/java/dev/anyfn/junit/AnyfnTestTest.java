package dev.anyfn.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.Upload;
import dev.anyfn.junit.fixtures.Greeter;
import dev.anyfn.local.Emulator;
import dev.anyfn.local.EventApi;
import dev.anyfn.local.Profile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
