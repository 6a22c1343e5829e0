package dev.anyfn.core;

import dev.anyfn.IdempotencyStore;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link IdempotencyStore} in this process's memory: what the emulator gives every function (its
 * instances share it, as deployed instances share a database), and what tests may use. Not for a
 * cloud, where instances run in separate processes. Thread-safe; claims are atomic per key. Expired
 * records are dropped as new keys come, so it holds about as many records as are live.
 */
public final class InMemoryIdempotencyStore implements IdempotencyStore {
  /** One key's record: {@code claimant}'s, running until {@code until}, or done until then. */
  private record Entry(String claimant, String fingerprint, byte[] result, Instant until) {
    boolean liveAt(Instant now) {
      return until.isAfter(now);
    }
  }

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  /** Bounded by the keys claimed in one sweep interval; swept when it doubles. */
  private volatile int sweepAt = 1024;

  @Override
  public Claim claim(
      String key, String claimant, String fingerprint, Instant now, Instant leaseUntil) {
    Claim[] found = new Claim[1];
    entries.compute(
        key,
        (k, e) -> {
          if (e != null && e.liveAt(now)) {
            found[0] =
                e.result() == null
                    ? new Running(e.until())
                    : new Done(e.result().clone(), e.fingerprint());
            return e;
          }
          found[0] = new Claimed();
          return new Entry(claimant, fingerprint, null, leaseUntil);
        });
    if (entries.size() >= sweepAt) {
      entries.values().removeIf(e -> !e.liveAt(now));
      sweepAt = Math.max(1024, entries.size() * 2);
    }
    return found[0];
  }

  @Override
  public void complete(String key, String claimant, byte[] result, Instant keepUntil) {
    byte[] copy = result.clone();
    entries.computeIfPresent(
        key,
        (k, e) ->
            e.result() == null && e.claimant().equals(claimant)
                ? new Entry(claimant, e.fingerprint(), copy, keepUntil)
                : e);
  }

  @Override
  public void release(String key, String claimant) {
    entries.computeIfPresent(
        key, (k, e) -> e.result() == null && e.claimant().equals(claimant) ? null : e);
  }

  /** Forgets every record, as if no work had run (the emulator's reset). */
  public void clear() {
    entries.clear();
  }
}
