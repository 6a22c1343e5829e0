package dev.anyfn;

import java.time.Instant;
import java.util.Objects;

/**
 * Where {@link Context#once} keeps its records: one per key, first <em>running</em> (leased until
 * the invocation's deadline), then <em>done</em> with the work's result (kept for a while), or gone
 * again when the work failed. Implement it over a store every instance of the function shares
 * (DynamoDB, Firestore, Cosmos DB, a database) and set it in an {@link OnInit} method with {@link
 * InitContext#useIdempotencyStore}; the emulator keeps one in memory.
 *
 * <p>Implementations must be thread-safe, and {@link #claim} atomic: of two claims of a key at the
 * same moment, one gets {@link Claimed} and the other {@link Running}, or two invocations would run
 * the work at once. Keys arrive namespaced by function ({@code function:key}).
 */
public interface IdempotencyStore {
  /**
   * Claims {@code key} for the invocation that {@code claimant} names, until {@code leaseUntil}:
   * {@link Claimed} when it has no record, or its record is a running one whose lease ended before
   * {@code now} or a done one kept until before {@code now} (expired records count as none); else
   * the live record.
   *
   * @param claimant unique to this claim; {@link #complete} and {@link #release} name it again
   * @param fingerprint what identifies the payload the work is for, kept with the record and given
   *     back in {@link Done}; null when the caller gave none
   */
  Claim claim(String key, String claimant, String fingerprint, Instant now, Instant leaseUntil);

  /**
   * Records that the work of {@code key} is done, with its result as JSON, if {@code claimant}
   * still holds the claim (a claim whose lease ended may have passed to another invocation, whose
   * record stays).
   */
  void complete(String key, String claimant, byte[] result, Instant keepUntil);

  /**
   * Removes the running record of {@code key} if {@code claimant} holds it, so that a retry runs
   * the work: its work failed.
   */
  void release(String key, String claimant);

  /** What {@link #claim} found. */
  sealed interface Claim permits Claimed, Running, Done {}

  /** The caller holds the key now and runs the work. */
  record Claimed() implements Claim {}

  /**
   * Another invocation runs the work until at most {@code leaseUntil}.
   *
   * @param leaseUntil when its claim ends, if it neither completes nor releases it
   */
  record Running(Instant leaseUntil) implements Claim {
    /** Checks the argument. */
    public Running {
      Objects.requireNonNull(leaseUntil, "leaseUntil");
    }
  }

  /**
   * The work was done; {@code result} is its result as JSON.
   *
   * @param result the result as JSON, as {@link #complete} received it
   * @param fingerprint the fingerprint its claim gave; null when it gave none
   */
  record Done(byte[] result, String fingerprint) implements Claim {
    /** Checks the argument. */
    public Done {
      Objects.requireNonNull(result, "result");
    }
  }
}
