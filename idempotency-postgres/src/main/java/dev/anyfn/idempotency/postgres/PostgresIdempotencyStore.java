package dev.anyfn.idempotency.postgres;

import dev.anyfn.IdempotencyStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * An {@link IdempotencyStore} in a PostgreSQL table (9.5 or later: Cloud SQL, RDS and Aurora, Azure
 * Database for PostgreSQL), which every instance of a function on every cloud can share. One row
 * per key; a claim is one {@code INSERT ... ON CONFLICT DO UPDATE ... WHERE} statement, which
 * PostgreSQL runs atomically per key, so of concurrent claims exactly one wins. Each call takes a
 * connection from the {@link DataSource} in auto-commit mode and gives it back: give it a pool.
 *
 * <pre>{@code
 * @OnInit
 * public void init(InitContext init) {
 *   PostgresIdempotencyStore store = new PostgresIdempotencyStore(dataSource);
 *   store.createTable(); // or create it with your migrations: see createTable()
 *   init.useIdempotencyStore(store, Duration.ofHours(24));
 * }
 * }</pre>
 *
 * <p>Done and expired rows stay until {@link #deleteExpired} removes them (from a schedule, say).
 * Thread-safe.
 */
public final class PostgresIdempotencyStore implements IdempotencyStore {
  /** The table unless another is named. */
  public static final String DEFAULT_TABLE = "anyfn_idempotency";

  private static final Pattern TABLE =
      Pattern.compile("([a-z_][a-z0-9_]{0,62}\\.)?[a-z_][a-z0-9_]{0,62}");

  /** Claims left to a store that sees a record vanish between its two statements. */
  private static final int CLAIM_TRIES = 5;

  private final DataSource dataSource;
  private final String table;
  private final String claimSql;
  private final String readSql;
  private final String completeSql;
  private final String releaseSql;

  /** A store in the table {@value #DEFAULT_TABLE}. */
  public PostgresIdempotencyStore(DataSource dataSource) {
    this(dataSource, DEFAULT_TABLE);
  }

  /**
   * A store in {@code table}.
   *
   * @param table a lower-case table name, optionally schema-qualified ({@code app.idempotency})
   * @throws IllegalArgumentException for any other name (it is written into the SQL)
   */
  public PostgresIdempotencyStore(DataSource dataSource, String table) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    if (table == null || !TABLE.matcher(table).matches()) {
      throw new IllegalArgumentException(
          "The idempotency table name '"
              + table
              + "' is not a plain lower-case PostgreSQL name (letters, digits, '_', optionally"
              + " 'schema.table', at most 63 characters each); use one such as "
              + DEFAULT_TABLE
              + ".");
    }
    this.table = table;
    this.claimSql =
        "INSERT INTO "
            + table
            + " AS r (key, claimant, fingerprint, result, until_ms) VALUES (?, ?, ?, NULL, ?)"
            + " ON CONFLICT (key) DO UPDATE SET claimant = EXCLUDED.claimant,"
            + " fingerprint = EXCLUDED.fingerprint, result = NULL, until_ms = EXCLUDED.until_ms"
            + " WHERE r.until_ms <= ? RETURNING 1";
    this.readSql = "SELECT result, until_ms, fingerprint FROM " + table + " WHERE key = ?";
    this.completeSql =
        "UPDATE "
            + table
            + " SET result = ?, until_ms = ? WHERE key = ? AND claimant = ? AND result IS NULL";
    this.releaseSql = "DELETE FROM " + table + " WHERE key = ? AND claimant = ? AND result IS NULL";
  }

  /** The SQL that creates the table, for migrations of your own. */
  public String createTableSql() {
    return "CREATE TABLE IF NOT EXISTS "
        + table
        + " (key TEXT PRIMARY KEY, claimant TEXT NOT NULL, fingerprint TEXT, result BYTEA,"
        + " until_ms BIGINT NOT NULL)";
  }

  /** Creates the table unless it exists. */
  public void createTable() {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.execute(createTableSql());
    } catch (SQLException e) {
      throw failed("create the table " + table, e);
    }
  }

  @Override
  public Claim claim(
      String key, String claimant, String fingerprint, Instant now, Instant leaseUntil) {
    try (Connection c = dataSource.getConnection()) {
      for (int i = 0; i < CLAIM_TRIES; i++) {
        try (PreparedStatement claim = c.prepareStatement(claimSql)) {
          claim.setString(1, key);
          claim.setString(2, claimant);
          claim.setString(3, fingerprint);
          claim.setLong(4, leaseUntil.toEpochMilli());
          claim.setLong(5, now.toEpochMilli());
          try (ResultSet won = claim.executeQuery()) {
            if (won.next()) {
              return new Claimed();
            }
          }
        }
        try (PreparedStatement read = c.prepareStatement(readSql)) {
          read.setString(1, key);
          try (ResultSet row = read.executeQuery()) {
            if (row.next()) {
              byte[] result = row.getBytes(1);
              long until = row.getLong(2);
              if (until > now.toEpochMilli()) {
                return result == null
                    ? new Running(Instant.ofEpochMilli(until))
                    : new Done(result, row.getString(3));
              }
            }
          }
        }
        // released or expired between the two statements: claim again
      }
      throw new IllegalStateException(
          "The idempotency record of key '"
              + key
              + "' changed under "
              + CLAIM_TRIES
              + " claims in a row; another process keeps releasing it.");
    } catch (SQLException e) {
      throw failed("claim key '" + key + "'", e);
    }
  }

  @Override
  public void complete(String key, String claimant, byte[] result, Instant keepUntil) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(completeSql)) {
      s.setBytes(1, result);
      s.setLong(2, keepUntil.toEpochMilli());
      s.setString(3, key);
      s.setString(4, claimant);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed("complete key '" + key + "'", e);
    }
  }

  @Override
  public void release(String key, String claimant) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(releaseSql)) {
      s.setString(1, key);
      s.setString(2, claimant);
      s.executeUpdate();
    } catch (SQLException e) {
      throw failed("release key '" + key + "'", e);
    }
  }

  /**
   * Deletes the rows no claim needs any more (leases ended, results no longer kept) and returns how
   * many.
   */
  public int deleteExpired(Instant now) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE until_ms <= ?")) {
      s.setLong(1, now.toEpochMilli());
      return s.executeUpdate();
    } catch (SQLException e) {
      throw failed("delete expired rows of " + table, e);
    }
  }

  private IllegalStateException failed(String what, SQLException e) {
    return new IllegalStateException(
        "The PostgreSQL idempotency store could not "
            + what
            + " (SQLState "
            + e.getSQLState()
            + "): "
            + e.getMessage(),
        e);
  }
}
