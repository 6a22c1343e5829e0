package dev.anyfn.core;

import dev.anyfn.AlreadyInProgressException;
import dev.anyfn.Context;
import dev.anyfn.IdempotencyKeyReusedException;
import dev.anyfn.IdempotencyStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * The context of one handler call that takes a {@link Context}: it runs {@link #once} against the
 * instance's {@link IdempotencyStore}, and {@link #finish} stores the results of the keys it
 * claimed when the handler succeeded (after its messages went out), or releases them when it
 * failed, so that a retry runs the work again. Thread-safe.
 */
final class OnceContext extends ForwardingContext {
  /** The longest key, as the handler gives it; stores key by it. */
  static final int MAX_KEY_LENGTH = 250;

  /** A key this call claimed: its payload's fingerprint, and its result as JSON once done. */
  private record Mine(String fingerprint, byte[] result) {}

  private final IdempotencyStore store;
  private final Duration keepResults;
  private final JsonCodec json;

  /** The keys this call claimed (namespaced). */
  private final Map<String, Mine> claimed = new LinkedHashMap<>();

  /** Names this call's claims to the store; made on the first claim. */
  private String claimant;

  private OnceContext(
      Context context, IdempotencyStore store, Duration keepResults, JsonCodec json) {
    super(context);
    this.store = store;
    this.keepResults = keepResults;
    this.json = json;
  }

  /** {@code context} itself for a handler that takes no context, one around it otherwise. */
  static Context around(Context context, ResolvedHandler handler, FunctionInstance instance) {
    return handler.takesContext()
        ? of(
            context,
            instance.idempotencyStore(),
            instance.keepResults(),
            instance.definition().json())
        : context;
  }

  /** One around {@code context} keeping its records in {@code store} (null: none is set). */
  static OnceContext of(
      Context context, IdempotencyStore store, Duration keepResults, JsonCodec json) {
    return new OnceContext(context, store, keepResults, json);
  }

  /**
   * Stores the results of what {@code context} claimed when the call {@code succeeded}, releases
   * them otherwise. A store that fails here is logged, not thrown: the handler's work is done and
   * its messages are out, and failing the call now would only make a retry run it again.
   */
  static void finish(Context context, boolean succeeded) {
    if (context instanceof OnceContext once) {
      once.finish(succeeded);
    }
  }

  @Override
  public <T> T once(String key, Class<T> resultType, Supplier<T> work) {
    return run(key, null, resultType, work);
  }

  @Override
  public <T> T once(String key, Object payload, Class<T> resultType, Supplier<T> work) {
    return run(key, fingerprint(payload), resultType, work);
  }

  private <T> T run(String key, String fingerprint, Class<T> resultType, Supplier<T> work) {
    if (key == null || key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
      throw new IllegalArgumentException(
          "An idempotency key has 1 to "
              + MAX_KEY_LENGTH
              + " characters; found "
              + (key == null ? "null" : key.length() + " characters")
              + ". Derive it from what makes the request the same, such as an order id.");
    }
    if (store == null) {
      throw new IllegalStateException(
          "Function '"
              + functionName()
              + "' calls context.once(...), but no idempotency store is set for it on "
              + provider()
              + ". Set one in an @OnInit method with init.useIdempotencyStore(store, keepResults):"
              + " an IdempotencyStore over a store every instance shares (DynamoDB, Firestore,"
              + " Cosmos DB, a database); only the emulator keeps one in memory.");
    }
    String namespaced = functionName() + ":" + key;
    synchronized (claimed) {
      Mine mine = claimed.get(namespaced);
      if (mine != null && mine.result() == null) {
        throw new IllegalStateException(
            "context.once(\"" + key + "\", ...) was called again inside its own work.");
      }
      if (mine != null) {
        checkSame(key, mine.fingerprint(), fingerprint);
        return read(mine.result(), resultType, key);
      }
    }
    Instant now = deadline().minus(remainingTime());
    Instant leaseUntil = deadline().isAfter(now) ? deadline() : now.plusSeconds(1);
    IdempotencyStore.Claim claim =
        store.claim(namespaced, claimant(), fingerprint, now, leaseUntil);
    if (claim instanceof IdempotencyStore.Done done) {
      checkSame(key, done.fingerprint(), fingerprint);
      return read(done.result(), resultType, key);
    }
    if (claim instanceof IdempotencyStore.Running running) {
      Duration wait = Duration.between(now, running.leaseUntil());
      throw new AlreadyInProgressException(key, wait.isNegative() ? Duration.ZERO : wait);
    }
    synchronized (claimed) {
      claimed.put(namespaced, new Mine(fingerprint, null));
    }
    T result;
    byte[] stored;
    try {
      result = work.get();
      stored = json.write(result);
    } catch (RuntimeException | Error e) {
      synchronized (claimed) {
        claimed.remove(namespaced);
      }
      release(namespaced);
      throw e;
    }
    synchronized (claimed) {
      claimed.put(namespaced, new Mine(fingerprint, stored));
    }
    return result;
  }

  /** Refuses a repeat whose payload differs from the first's, when both gave one. */
  private static void checkSame(String key, String first, String again) {
    if (first != null && again != null && !first.equals(again)) {
      throw new IdempotencyKeyReusedException(key);
    }
  }

  /** The SHA-256 of a payload: a String's UTF-8, bytes as they are, anything else's JSON. */
  private String fingerprint(Object payload) {
    byte[] bytes =
        payload instanceof String text
            ? text.getBytes(StandardCharsets.UTF_8)
            : payload instanceof byte[] raw ? raw : json.write(payload);
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  private <T> T read(byte[] stored, Class<T> resultType, String key) {
    try {
      return json.read(stored, resultType);
    } catch (RuntimeException e) {
      throw new IllegalStateException(
          "The stored result of key '"
              + key
              + "' cannot be read as "
              + resultType.getName()
              + " ("
              + e.getMessage()
              + "). Ask for the type the work returned when it ran.",
          e);
    }
  }

  private void finish(boolean succeeded) {
    Map<String, Mine> done;
    synchronized (claimed) {
      done = new LinkedHashMap<>(claimed);
      claimed.clear();
    }
    Instant now = deadline().minus(remainingTime());
    done.forEach(
        (key, mine) -> {
          if (succeeded && mine.result() != null) {
            try {
              store.complete(key, claimant, mine.result(), now.plus(keepResults));
            } catch (RuntimeException e) {
              log().error("Could not store the result of idempotency key " + key, e);
            }
          } else {
            release(key);
          }
        });
  }

  /** The request id and a random part: unique per call, and readable in a store's records. */
  private synchronized String claimant() {
    if (claimant == null) {
      claimant =
          requestId() + "/" + Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 63);
    }
    return claimant;
  }

  private void release(String key) {
    try {
      store.release(key, claimant);
    } catch (RuntimeException e) {
      log().error("Could not release idempotency key " + key + "; it is freed at its deadline", e);
    }
  }
}
