package dev.anyfn.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.HttpRequest;
import dev.anyfn.HttpResponse;
import dev.anyfn.IdempotencyStore;
import dev.anyfn.Provider;
import dev.anyfn.core.FunctionInstance;
import dev.anyfn.core.FunctionRuntime;
import dev.anyfn.core.InvocationContext;
import dev.anyfn.core.RuntimeSettings;
import dev.anyfn.core.StartupContext;
import dev.anyfn.core.fixtures.OnceFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * What every {@link IdempotencyStore} must do for {@code Context.once} to hold: one claim of a key
 * wins, a running claim lasts until its lease ends, a done record until it is kept, and only the
 * claimant completes or releases its claim. A store's test extends this and says how to make one.
 */
public abstract class IdempotencyStoreContract {
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  /** A store with no records. */
  protected abstract IdempotencyStore store();

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void theFirstClaimWinsAndAnotherSeesItRunningUntilItsLeaseEnds() {
    IdempotencyStore store = store();

    IdempotencyStore.Claim first = store.claim("k", "a", null, T0, T0.plusSeconds(30));
    IdempotencyStore.Claim second =
        store.claim("k", "b", null, T0.plusSeconds(29), T0.plusSeconds(59));
    IdempotencyStore.Claim afterLease =
        store.claim("k", "c", null, T0.plusSeconds(30), T0.plusSeconds(60));

    assertThat(first).isInstanceOf(IdempotencyStore.Claimed.class);
    assertThat(second).isEqualTo(new IdempotencyStore.Running(T0.plusSeconds(30)));
    assertThat(afterLease).isInstanceOf(IdempotencyStore.Claimed.class);
  }

  @Test
  void aDoneRecordGivesItsResultUntilItIsNoLongerKept() {
    IdempotencyStore store = store();
    byte[] result = {'{', '"', (byte) 0xc3, (byte) 0xa9, '"', '}'};
    store.claim("k", "a", null, T0, T0.plusSeconds(30));

    store.complete("k", "a", result, T0.plusSeconds(3600));

    assertThat(store.claim("k", "b", null, T0.plusSeconds(3599), T0.plusSeconds(3629)))
        .isInstanceOfSatisfying(
            IdempotencyStore.Done.class, d -> assertThat(d.result()).isEqualTo(result));
    assertThat(store.claim("k", "c", null, T0.plusSeconds(3600), T0.plusSeconds(3630)))
        .isInstanceOf(IdempotencyStore.Claimed.class);
  }

  @Test
  void aDoneRecordGivesBackTheFingerprintItsClaimGave() {
    IdempotencyStore store = store();
    store.claim("k", "a", "f1", T0, T0.plusSeconds(30));
    store.complete("k", "a", bytes("1"), T0.plusSeconds(3600));
    store.claim("none", "a", null, T0, T0.plusSeconds(30));
    store.complete("none", "a", bytes("2"), T0.plusSeconds(3600));

    assertThat(store.claim("k", "b", "f2", T0, T0.plusSeconds(30)))
        .isInstanceOfSatisfying(
            IdempotencyStore.Done.class, d -> assertThat(d.fingerprint()).isEqualTo("f1"));
    assertThat(store.claim("none", "b", "f2", T0, T0.plusSeconds(30)))
        .isInstanceOfSatisfying(
            IdempotencyStore.Done.class, d -> assertThat(d.fingerprint()).isNull());
  }

  @Test
  void aReleasedKeyCanBeClaimedAgainAndKeysAreIndependent() {
    IdempotencyStore store = store();
    store.claim("k", "a", null, T0, T0.plusSeconds(30));
    store.claim("other", "x", null, T0, T0.plusSeconds(30));

    store.release("k", "a");

    assertThat(store.claim("k", "b", null, T0, T0.plusSeconds(30)))
        .isInstanceOf(IdempotencyStore.Claimed.class);
    assertThat(store.claim("other", "y", null, T0, T0.plusSeconds(30)))
        .isInstanceOf(IdempotencyStore.Running.class);
  }

  @Test
  void aClaimantWhoseLeaseEndedCannotCompleteOrReleaseTheClaimThatReplacedIt() {
    IdempotencyStore store = store();
    store.claim("k", "late", null, T0, T0.plusSeconds(1));
    Instant later = T0.plusSeconds(2);
    store.claim("k", "next", null, later, later.plusSeconds(30));

    store.complete("k", "late", bytes("1"), later.plusSeconds(3600));
    store.release("k", "late");

    assertThat(store.claim("k", "third", null, later, later.plusSeconds(30)))
        .isEqualTo(new IdempotencyStore.Running(later.plusSeconds(30)));
  }

  @Test
  void aDoneRecordIsNotReleased() {
    IdempotencyStore store = store();
    store.claim("k", "a", null, T0, T0.plusSeconds(30));
    store.complete("k", "a", bytes("7"), T0.plusSeconds(3600));

    store.release("k", "a");

    assertThat(store.claim("k", "b", null, T0, T0.plusSeconds(30)))
        .isInstanceOf(IdempotencyStore.Done.class);
  }

  @Test
  void ofManyClaimsOfOneKeyAtOnceExactlyOneWins() throws Exception {
    IdempotencyStore store = store();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 50; round++) {
        String key = "race-" + round;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<IdempotencyStore.Claim>> claims = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
          String claimant = "c" + i;
          claims.add(
              pool.submit(
                  () -> {
                    go.await();
                    return store.claim(key, claimant, null, T0, T0.plusSeconds(30));
                  }));
        }
        go.countDown();
        int won = 0;
        for (Future<IdempotencyStore.Claim> claim : claims) {
          if (claim.get(30, TimeUnit.SECONDS) instanceof IdempotencyStore.Claimed) {
            won++;
          }
        }
        assertThat(won).as("claims that won in round %d", round).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void twoRuntimesSharingTheStoreRunAKeysWorkOnce() {
    IdempotencyStore store = store();
    OnceFunction.CHARGES.set(0);

    HttpResponse first = charge(instanceOnItsOwnRuntime(store), "o-1");
    HttpResponse second = charge(instanceOnItsOwnRuntime(store), "o-1");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.bodyText()).isEqualTo(first.bodyText());
    assertThat(OnceFunction.CHARGES).hasValue(1);
  }

  /**
   * An instance of the fixture function {@code fx-once} as another process would start it: its own
   * runtime, with {@code store} set in its init.
   */
  protected static FunctionInstance instanceOnItsOwnRuntime(IdempotencyStore store) {
    RuntimeSettings settings =
        RuntimeSettings.builder().provider(Provider.AWS).logSink(line -> {}).build();
    FunctionRuntime runtime =
        FunctionRuntime.load(IdempotencyStoreContract.class.getClassLoader(), settings);
    StartupContext init = new StartupContext("fx-once", settings);
    init.useIdempotencyStore(store, Duration.ofHours(1));
    return runtime.function("fx-once").newInstance(init);
  }

  /**
   * A context of {@code fx-once} for request {@code req-<id>}, its log lines going to {@code logs}.
   */
  protected static InvocationContext onceContext(String id, Consumer<String> logs) {
    return InvocationContext.builder()
        .requestId("req-" + id)
        .functionName("fx-once")
        .provider(Provider.AWS)
        .timeout(Duration.ofSeconds(30))
        .logSink(logs)
        .messageSender(new RecordingSender())
        .build();
  }

  private static HttpResponse charge(FunctionInstance instance, String id) {
    return instance.handleHttp(
        HttpRequest.builder().method("POST").rawPath("/once/charges/" + id).build(),
        onceContext(id, line -> {}));
  }
}
