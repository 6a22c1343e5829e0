package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.AlreadyInProgressException;
import dev.anyfn.HttpResponse;
import dev.anyfn.IdempotencyStore;
import dev.anyfn.Provider;
import dev.anyfn.QueueMessage;
import dev.anyfn.conformance.RecordingSender;
import dev.anyfn.core.fixtures.OnceFunction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code Context.once}: the work of a key runs once across retries, duplicates and instances; the
 * key is claimed until the deadline while it runs, kept done once the handler succeeded, and
 * released when it failed.
 */
class OnceTest {
  private static final String FN = "fx-once";
  private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");

  private final HandClock clock = new HandClock(T0);
  private final InMemoryIdempotencyStore store = new InMemoryIdempotencyStore();
  private final TestRuntime rt = new TestRuntime(RuntimeSettings.builder().idempotencyStore(store));
  private final RecordingSender sender = new RecordingSender();
  private final List<String> sent = sender.sent;

  @BeforeEach
  @AfterEach
  void reset() {
    OnceFunction.CHARGES.set(0);
    OnceFunction.hold = null;
    OnceFunction.started = null;
  }

  private InvocationContext context() {
    return InvocationContext.builder()
        .requestId("req-1")
        .functionName(FN)
        .provider(Provider.LOCAL)
        .clock(clock)
        .timeout(Duration.ofMillis(1500))
        .logSink(rt.logs::add)
        .messageSender(sender)
        .build();
  }

  /** A context whose invocation the adapter already answered as timed out. */
  private InvocationContext answeredAsTimedOut() {
    return InvocationContext.builder()
        .requestId("req-late")
        .functionName(FN)
        .clock(clock)
        .logSink(rt.logs::add)
        .messageSender(sender)
        .commitGate(() -> false)
        .build();
  }

  @Test
  void aHandlerReturningAfterItsInvocationTimedOutSendsNothingAndItsRetryRunsTheWorkAgain() {
    FunctionInstance instance = rt.instance(FN);

    HttpResponse late =
        instance.handleHttp(
            TestRuntime.request("POST", "/once/charges/o-1").build(), answeredAsTimedOut());

    assertThat(late.statusCode()).isEqualTo(504);
    assertThat(late.bodyText()).contains("timed_out").contains("req-late");
    assertThat(sent).isEmpty();
    assertThat(rt.logs)
        .anySatisfy(line -> assertThat(line).contains("after its invocation had timed out"));
    HttpResponse retry = charge(instance, "o-1");
    assertThat(retry.bodyText()).isEqualTo("{\"id\":\"o-1\",\"number\":2}");
    assertThat(sent).containsExactly("receipts: {\"id\":\"o-1\",\"number\":2}");
  }

  @Test
  void afterTheGateRefusesTheRestOfTheBatchIsRetriedWithoutRunning() {
    List<QueueMessage> batch =
        List.of("o-21", "o-22", "o-23").stream()
            .map(
                id ->
                    QueueMessage.builder()
                        .id("m-" + id)
                        .queue("charges")
                        .body(id)
                        .deliveryAttempt(1)
                        .build())
            .toList();

    BatchOutcome late = rt.instance(FN).handleEvents(batch, answeredAsTimedOut());

    assertThat(late.failures())
        .extracting(BatchOutcome.ItemFailure::code)
        .containsExactly("timed_out", "timed_out", "timed_out");
    assertThat(OnceFunction.CHARGES).hasValue(1); // the first ran; the others were not started
  }

  @Test
  void anEventWhoseInvocationTimedOutIsRetriedWithNothingSent() {
    QueueMessage message =
        QueueMessage.builder().id("m-1").queue("charges").body("o-8").deliveryAttempt(1).build();

    BatchOutcome late = rt.instance(FN).handleEvents(List.of(message), answeredAsTimedOut());

    assertThat(late.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.code()).isEqualTo("timed_out");
            });
    assertThat(sent).isEmpty();
    assertThat(rt.instance(FN).handleEvents(List.of(message), context()).allSucceeded()).isTrue();
    assertThat(OnceFunction.CHARGES).hasValue(2);
  }

  @Test
  void aHandlerThrowingAfterItsInvocationTimedOutIsLoggedAsStoppedNotAsFailed() {
    // what the runtime's interruption at the timeout makes a handler throw is not its failure
    HttpResponse http =
        rt.instance(FN)
            .handleHttp(
                TestRuntime.request("POST", "/once/charges/fail-after-1").build(),
                answeredAsTimedOut());
    QueueMessage message =
        QueueMessage.builder()
            .id("m-9")
            .queue("charges")
            .body("fail-in-9")
            .deliveryAttempt(1)
            .build();
    BatchOutcome event = rt.instance(FN).handleEvents(List.of(message), answeredAsTimedOut());

    assertThat(http.statusCode()).isEqualTo(504);
    assertThat(http.bodyText()).contains("timed_out").contains("req-late");
    assertThat(event.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo("timed_out");
              assertThat(f.permanent()).isFalse();
            });
    assertThat(rt.logs)
        .filteredOn(line -> line.contains("was stopped at its timeout and ended with"))
        .hasSize(2)
        .allSatisfy(line -> assertThat(line).contains("WARN").contains("IllegalStateException"));
    assertThat(rt.logs).noneSatisfy(line -> assertThat(line).contains("ERROR"));
  }

  private HttpResponse charge(FunctionInstance instance, String id) {
    return instance.handleHttp(
        TestRuntime.request("POST", "/once/charges/" + id).build(), context());
  }

  @Test
  void aDuplicateGetsTheStoredResultAndTheWorkRunsOnceAcrossInstances() {
    HttpResponse first = charge(rt.instance(FN), "o-1");
    HttpResponse again = charge(rt.instance(FN), "o-1");
    HttpResponse other = charge(rt.instance(FN), "o-2");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.bodyText()).isEqualTo("{\"id\":\"o-1\",\"number\":1}");
    assertThat(again.bodyText()).isEqualTo(first.bodyText());
    assertThat(other.bodyText()).isEqualTo("{\"id\":\"o-2\",\"number\":2}");
    assertThat(OnceFunction.CHARGES).hasValue(2);
    assertThat(sent)
        .containsExactly(
            "receipts: {\"id\":\"o-1\",\"number\":1}", "receipts: {\"id\":\"o-2\",\"number\":2}");
  }

  @Test
  void whileTheWorkRunsTheSameKeyIsA409WithRetryAfterUntilTheDeadline() throws Exception {
    CountDownLatch hold = new CountDownLatch(1);
    OnceFunction.hold = hold;
    OnceFunction.started = new CountDownLatch(1);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<HttpResponse> running = pool.submit(() -> charge(rt.instance(FN), "o-1"));
      assertThat(OnceFunction.started.await(10, TimeUnit.SECONDS)).isTrue();
      OnceFunction.hold = null; // the duplicate below would not wait, had it run the work

      HttpResponse duplicate = charge(rt.instance(FN), "o-1");

      assertThat(duplicate.statusCode()).isEqualTo(409);
      assertThat(duplicate.headers().first("Retry-After")).hasValue("1");
      assertThat(duplicate.bodyText())
          .contains("\"error\":\"in_progress\"")
          .contains("The work of key 'charge-o-1' is running in another invocation");
      // the held one still completes, and stores its result
      hold.countDown();
      assertThat(running.get(10, TimeUnit.SECONDS).bodyText())
          .isEqualTo("{\"id\":\"o-1\",\"number\":1}");
      assertThat(charge(rt.instance(FN), "o-1").bodyText())
          .isEqualTo("{\"id\":\"o-1\",\"number\":1}");
      assertThat(OnceFunction.CHARGES).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aHandlerThatFailsAfterTheWorkReleasesTheKeySoTheRetryRunsItAgain() {
    HttpResponse failed = charge(rt.instance(FN), "fail-after-1");
    HttpResponse retried = charge(rt.instance(FN), "fail-after-1");

    assertThat(failed.statusCode()).isEqualTo(500);
    assertThat(retried.statusCode()).isEqualTo(500);
    assertThat(OnceFunction.CHARGES).hasValue(2);
    // and sent nothing either time: the handler threw
    assertThat(sent).isEmpty();
  }

  @Test
  void workThatThrowsReleasesTheKey() {
    assertThat(charge(rt.instance(FN), "fail-in-1").statusCode()).isEqualTo(500);
    assertThat(store.claim(FN + ":charge-fail-in-1", "test", null, T0, T0.plusSeconds(1)))
        .isInstanceOf(IdempotencyStore.Claimed.class);
  }

  @Test
  void messagesThatCouldNotBeSentAreNotLostTheKeyIsReleasedAndTheRetrySendsThem() {
    sender.refusal = new IllegalStateException("the queue is down");
    assertThat(charge(rt.instance(FN), "o-1").statusCode()).isEqualTo(500);
    sender.refusal = null;

    HttpResponse retried = charge(rt.instance(FN), "o-1");

    assertThat(retried.bodyText()).isEqualTo("{\"id\":\"o-1\",\"number\":2}");
    assertThat(sent).containsExactly("receipts: {\"id\":\"o-1\",\"number\":2}");
  }

  @Test
  void theClaimOfAnInvocationThatNeverFinishedEndsAtItsDeadline() {
    OnceContext timedOut = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());
    timedOut.once("k", String.class, () -> "first"); // claimed; the handler never returns

    clock.advance(Duration.ofMillis(1499));
    assertThatThrownBy(
            () ->
                OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json())
                    .once("k", String.class, () -> "second"))
        .isInstanceOfSatisfying(
            AlreadyInProgressException.class,
            e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofMillis(1)));
    clock.advance(Duration.ofMillis(1));
    OnceContext next = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());

    assertThat(next.once("k", String.class, () -> "second")).isEqualTo("second");
  }

  @Test
  void aDoneKeysResultIsKeptAsLongAsSaidThenTheWorkRunsAgain() {
    OnceContext first = OnceContext.of(context(), store, Duration.ofMinutes(10), rt.runtime.json());
    first.once("k", Integer.class, () -> 1);
    OnceContext.finish(first, true);

    clock.advance(Duration.ofMinutes(10).minusMillis(1));
    Integer kept =
        OnceContext.of(context(), store, Duration.ofMinutes(10), rt.runtime.json())
            .once("k", Integer.class, () -> 2);
    clock.advance(Duration.ofMillis(1));
    Integer again =
        OnceContext.of(context(), store, Duration.ofMinutes(10), rt.runtime.json())
            .once("k", Integer.class, () -> 3);

    assertThat(kept).isEqualTo(1);
    assertThat(again).isEqualTo(3);
  }

  @Test
  void theSameKeyTwiceInOneCallRunsTheWorkOnce() {
    OnceContext call = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());

    assertThat(call.once("k", String.class, () -> "a")).isEqualTo("a");
    assertThat(call.once("k", String.class, () -> "b")).isEqualTo("a");
    assertThatThrownBy(
            () -> call.once("n", String.class, () -> call.once("n", String.class, () -> "x")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("context.once(\"n\", ...) was called again inside its own work.");
  }

  @Test
  void duplicateQueueMessagesRunTheWorkOnceAndAConcurrentCopyIsRetried() throws Exception {
    FunctionInstance instance = rt.instance(FN);
    QueueMessage message =
        QueueMessage.builder().id("m-1").queue("charges").body("o-9").deliveryAttempt(1).build();

    BatchOutcome first = instance.handleEvents(List.of(message), context());
    BatchOutcome duplicate = instance.handleEvents(List.of(message), context());

    assertThat(first.allSucceeded()).isTrue();
    assertThat(duplicate.allSucceeded()).isTrue();
    assertThat(OnceFunction.CHARGES).hasValue(1);

    // a copy delivered while the first runs fails as retryable, not permanent
    store.claim(FN + ":charge-o-10", "other", null, T0, T0.plusSeconds(30));
    QueueMessage copy =
        QueueMessage.builder().id("m-2").queue("charges").body("o-10").deliveryAttempt(1).build();
    BatchOutcome busy = instance.handleEvents(List.of(copy), context());
    assertThat(busy.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.permanent()).isFalse();
              assertThat(f.code()).isEqualTo("in_progress");
            });
    assertThat(rt.logs).anyMatch(l -> l.contains("Event's work runs in another invocation"));
    assertThat(OnceFunction.CHARGES).hasValue(1);
  }

  @Test
  void aKeyReusedForAnotherPayloadFailsForGoodAndTheSamePayloadGetsTheResult() {
    FunctionInstance instance = rt.instance(FN);

    BatchOutcome first = instance.handleEvents(List.of(payment("m-1", "p-1:10")), context());
    BatchOutcome same = instance.handleEvents(List.of(payment("m-2", "p-1:10")), context());
    BatchOutcome other = instance.handleEvents(List.of(payment("m-3", "p-1:20")), context());

    assertThat(first.allSucceeded()).isTrue();
    assertThat(same.allSucceeded()).isTrue();
    assertThat(other.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.permanent()).isTrue();
              assertThat(f.reason())
                  .contains(
                      "The idempotency key 'pay-p-1' was used before for a different request");
            });
    assertThat(OnceFunction.CHARGES).hasValue(1);
  }

  @Test
  void aKeyReusedForAnotherPayloadIsA422AndWithinOneCallToo() {
    OnceContext first = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());
    assertThat(first.once("k", new Amount(10), Integer.class, () -> 1)).isEqualTo(1);
    assertThatThrownBy(() -> first.once("k", new Amount(20), Integer.class, () -> 2))
        .isInstanceOfSatisfying(
            dev.anyfn.IdempotencyKeyReusedException.class,
            e -> assertThat(e.status()).isEqualTo(422));
    OnceContext.finish(first, true);

    OnceContext later = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());
    assertThat(later.once("k", new Amount(10), Integer.class, () -> 3)).isEqualTo(1);
    assertThat(later.once("k", Integer.class, () -> 4)).isEqualTo(1); // no payload: no check
    assertThatThrownBy(() -> later.once("k", new Amount(11), Integer.class, () -> 5))
        .isInstanceOf(dev.anyfn.IdempotencyKeyReusedException.class);
  }

  /** A payload. */
  public record Amount(int cents) {}

  private static QueueMessage payment(String id, String body) {
    return QueueMessage.builder().id(id).queue("payments").body(body).deliveryAttempt(1).build();
  }

  @Test
  void withoutAStoreOnACloudTheCallFailsSayingHowToSetOne() {
    TestRuntime cloud = new TestRuntime(RuntimeSettings.builder());
    FunctionInstance instance = cloud.instance(FN);

    HttpResponse response =
        instance.handleHttp(TestRuntime.request("POST", "/once/charges/o-1").build(), context());

    assertThat(response.statusCode()).isEqualTo(500);
    // logged through the invocation's context
    assertThat(String.join("\n", rt.logs))
        .contains("no idempotency store is set for it")
        .contains("init.useIdempotencyStore(store, keepResults)");
    assertThat(OnceFunction.CHARGES).hasValue(0);
  }

  @Test
  void aKeyMustBeGivenAndShort() {
    OnceContext call = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());

    assertThatThrownBy(() -> call.once("", String.class, () -> "a"))
        .hasMessageStartingWith("An idempotency key has 1 to 250 characters; found 0 characters.");
    assertThatThrownBy(() -> call.once("k".repeat(251), String.class, () -> "a"))
        .hasMessageContaining("found 251 characters");
  }

  @Test
  void aStoredResultReadAsAnotherTypeSaysWhich() {
    OnceContext first = OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json());
    first.once("k", String.class, () -> "text");
    OnceContext.finish(first, true);

    assertThatThrownBy(
            () ->
                OnceContext.of(context(), store, Duration.ofHours(1), rt.runtime.json())
                    .once("k", Integer.class, () -> 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("The stored result of key 'k' cannot be read as java.lang.Integer");
  }

  @Test
  void theStoreKeepsADoneResultAsItsOwnCopy() {
    byte[] result = "1".getBytes(StandardCharsets.UTF_8);
    store.claim("k", "a", null, T0, T0.plusSeconds(1));
    store.complete("k", "a", result, T0.plusSeconds(60));
    result[0] = '2';

    assertThat(store.claim("k", "b", null, T0, T0.plusSeconds(1)))
        .isInstanceOfSatisfying(
            IdempotencyStore.Done.class,
            d -> assertThat(new String(d.result(), StandardCharsets.UTF_8)).isEqualTo("1"));
  }
}
