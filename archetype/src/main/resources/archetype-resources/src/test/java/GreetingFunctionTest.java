package ${package};

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.junit.AnyfnClient;
import dev.anyfn.junit.AnyfnTest;
import org.junit.jupiter.api.Test;

/** Runs on the local emulator, started on a free port for this class. */
@AnyfnTest
class GreetingFunctionTest {
  @Test
  void helloAnswersPlainText(AnyfnClient client) {
    var response = client.get("/hello");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.bodyText()).isEqualTo("Hello, world!");
  }

  @Test
  void helloWithANameAnswersJson(AnyfnClient client) {
    var response = client.get("/hello/ada");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json(GreetingFunction.Greeting.class))
        .isEqualTo(new GreetingFunction.Greeting("ada", "Hello, ada!"));
  }

  @Test
  void aNameThatIsTooLongIs400(AnyfnClient client) {
    var response = client.get("/hello/" + "a".repeat(41));

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.bodyText()).contains("A name has at most 40 characters; got 41.");
  }
}
