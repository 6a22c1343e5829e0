package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Charges;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * On the emulator {@code Context.once} works without setting a store: its instances share one in
 * memory, as deployed instances share a database, and a reset forgets it.
 */
class OnceTest {
  private static final Duration IDLE = Duration.ofSeconds(10);

  @BeforeEach
  void zero() {
    Charges.CHARGES.set(0);
  }

  @Test
  void aDuplicateRequestOrMessageGetsTheFirstResultAndAResetForgetsIt() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> first = h.post("/charges/o-1", "");
      HttpResponse<String> again = h.post("/charges/o-1", "");
      h.emulator.events().send("charge-requests", "o-1");
      h.emulator.events().send("charge-requests", "o-2");
      h.emulator.events().send("charge-requests", "o-2");
      h.emulator.events().awaitIdle(IDLE);

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(first.body()).isEqualTo("{\"id\":\"o-1\",\"number\":1}");
      assertThat(again.body()).isEqualTo(first.body());
      assertThat(Charges.CHARGES).hasValue(2); // o-1 once, o-2 once

      h.emulator.events().reset(IDLE);

      assertThat(h.post("/charges/o-1", "").body()).isEqualTo("{\"id\":\"o-1\",\"number\":3}");
    }
  }
}
