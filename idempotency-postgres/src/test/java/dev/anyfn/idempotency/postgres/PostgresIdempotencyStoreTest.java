package dev.anyfn.idempotency.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.IdempotencyStore;
import dev.anyfn.conformance.IdempotencyStoreContract;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The store against a real PostgreSQL: the contract every store keeps, and what is its own. */
class PostgresIdempotencyStoreTest extends IdempotencyStoreContract {
  private static final AtomicInteger TABLES = new AtomicInteger();
  private static EmbeddedPostgres postgres;
  private static DataSource dataSource;

  @BeforeAll
  static void start() throws IOException {
    postgres = EmbeddedPostgres.start();
    dataSource = postgres.getPostgresDatabase();
  }

  @AfterAll
  static void stop() throws IOException {
    postgres.close();
  }

  /** A store in a table of its own, so that each test starts with no records. */
  @Override
  protected IdempotencyStore store() {
    PostgresIdempotencyStore store =
        new PostgresIdempotencyStore(dataSource, "once_" + TABLES.incrementAndGet());
    store.createTable();
    return store;
  }

  @Test
  void createsItsTableOnceAndDeletesWhatNoClaimNeeds() throws Exception {
    PostgresIdempotencyStore store = new PostgresIdempotencyStore(dataSource, "app_once");
    store.createTable();
    store.createTable(); // IF NOT EXISTS
    Instant t0 = Instant.parse("2026-01-01T10:00:00Z");
    store.claim("running", "a", null, t0, t0.plusSeconds(30));
    store.claim("done", "b", null, t0, t0.plusSeconds(30));
    store.complete("done", "b", "1".getBytes(), t0.plusSeconds(3600));

    int deleted = store.deleteExpired(t0.plusSeconds(60));

    assertThat(deleted).isEqualTo(1);
    try (Connection c = dataSource.getConnection();
        ResultSet rows = c.createStatement().executeQuery("SELECT key FROM app_once")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("done");
      assertThat(rows.next()).isFalse();
    }
  }

  @Test
  void refusesATableNameThatIsNotAPlainIdentifier() {
    assertThatThrownBy(() -> new PostgresIdempotencyStore(dataSource, "once; DROP TABLE x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "The idempotency table name 'once; DROP TABLE x' is not a plain lower-case"
                + " PostgreSQL name");
    assertThat(new PostgresIdempotencyStore(dataSource, "app.once_records")).isNotNull();
  }

  @Test
  void aStoreThatCannotReachItsTableSaysWhatFailed() {
    PostgresIdempotencyStore missing = new PostgresIdempotencyStore(dataSource, "no_such_table");
    Instant t0 = Instant.now();

    assertThatThrownBy(() -> missing.claim("k", "a", null, t0, t0.plusSeconds(1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("could not claim key 'k' (SQLState 42P01)");
  }
}
