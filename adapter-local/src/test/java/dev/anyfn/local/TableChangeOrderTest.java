package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Ledger;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A DynamoDB stream shard and a Cosmos DB change feed hand a row's changes over in order, a failing
 * one retried before the next (under the gcp profile, as Eventarc delivers Firestore events, each
 * change goes on its own).
 */
class TableChangeOrderTest {
  private static final Duration IDLE = Duration.ofSeconds(10);

  @BeforeEach
  void reset() {
    Ledger.handled.clear();
    Ledger.inserts.set(0);
    Ledger.failFirstInsert = false;
  }

  private static void insertThenModify(Harness h) {
    h.emulator.events().putRow("ledger", Map.of("id", 1), "{\"v\":1}");
    h.emulator.events().putRow("ledger", Map.of("id", 1), "{\"v\":2}");
    h.emulator.events().awaitIdle(IDLE);
  }

  @Test
  void aSlowChangeIsNotOvertakenByTheNextOfItsRow() {
    try (Harness h = new Harness(Harness.fast())) {
      insertThenModify(h);
      assertThat(Ledger.handled).containsExactly("INSERT 1", "MODIFY 2");
    }
  }

  @Test
  void aFailingChangeHoldsBackTheNextUntilItsRetrySucceeds() {
    Ledger.failFirstInsert = true;
    try (Harness h = new Harness(Harness.fast().profile(Profile.AZURE))) {
      insertThenModify(h);
      assertThat(Ledger.handled).containsExactly("INSERT failed", "INSERT 1", "MODIFY 2");
    }
  }
}
