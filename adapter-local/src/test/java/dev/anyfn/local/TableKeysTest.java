package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.local.fixtures.Probe;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A row is named by its key values and their types, as DynamoDB and Cosmos DB name it. */
class TableKeysTest {
  @Test
  void aStringKeyAndANumberKeyNameDifferentRows() {
    try (Harness h = Harness.start()) {
      EventApi events = h.emulator.events();
      events.putRow("accounts", Map.of("id", 7), "{\"owner\":\"number\"}");
      events.putRow("accounts", Map.of("id", "7"), "{\"owner\":\"string\"}");

      assertThat(events.deleteRow("accounts", Map.of("id", "7"))).isPresent();
      assertThat(events.deleteRow("accounts", Map.of("id", "7"))).isEmpty();
      assertThat(events.deleteRow("accounts", Map.of("id", 7.0))).isPresent();
    }
  }

  @Test
  void aNonFiniteNumberIsRefusedAsAKeyAndNothingIsWritten() {
    try (Harness h = Harness.start()) {
      EventApi events = h.emulator.events();

      assertThatThrownBy(() -> events.putRow("accounts", Map.of("id", Double.NaN), "{}"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "Key 'id' is NaN; no database keeps a non-finite number as a key (nor can JSON"
                  + " write it). Use a finite number or a string.");
      assertThatThrownBy(() -> events.deleteRow("accounts", Map.of("id", Double.POSITIVE_INFINITY)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(events.deleteRow("accounts", Map.of("id", 0))).isEmpty();
    }
  }

  @Test
  void aTableChangesDeadLetterCarriesItsKeysAsAJsonObjectNotAsAString() throws Exception {
    try (Harness h = new Harness(Harness.fast())) {
      Probe.refuseEvents = true;
      h.emulator.events().putRow("users", Map.of("sku", "A2", "n", 7), "{\"name\":\"Ada\"}");
      h.emulator.events().awaitIdle(Duration.ofSeconds(10));

      DeadLetter dead = h.emulator.events().deadLetters("table/users/users").get(0);
      assertThat(dead.bodyText())
          .isEqualTo(
              "{\"table\":\"users\",\"kind\":\"INSERT\",\"keys\":{\"n\":7,\"sku\":\"A2\"},"
                  + "\"oldImage\":null,\"newImage\":{\"name\":\"Ada\"}}");
      assertThat(new ObjectMapper().readTree(dead.bodyText()).get("keys").isObject()).isTrue();
    }
  }

  @Test
  void noKeyValueSpellsAnotherSetOfKeys() {
    assertThat(TableSource.key(Map.of("a", "x, b=y")))
        .isNotEqualTo(TableSource.key(Map.of("a", "x", "b", "y")));
    assertThat(TableSource.key(Map.of("a", "x\", \"b\":\"y")))
        .isNotEqualTo(TableSource.key(Map.of("a", "x", "b", "y")));
    assertThat(TableSource.key(Map.of("id", 7L))).isEqualTo(TableSource.key(Map.of("id", 7)));
    assertThat(TableSource.key(Map.of("on", true)))
        .isNotEqualTo(TableSource.key(Map.of("on", "true")));
  }
}
