package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

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
