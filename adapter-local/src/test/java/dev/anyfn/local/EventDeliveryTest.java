package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.TopicMessage;
import dev.anyfn.core.InvokeOutcome;
import dev.anyfn.local.fixtures.Probe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EventDeliveryTest {
  static final Duration IDLE = Duration.ofSeconds(10);

  @Test
  void queueMessageIsDeliveredOnce() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().send("orders", "first");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("first#1");
      assertThat(h.emulator.metrics().function("orders").deliveries()).isEqualTo(1);
    }
  }

  @Test
  void failedMessageIsRetriedWithItsAttemptNumber() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().send("orders", "flaky");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("flaky#1", "flaky#2");
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
      assertThat(h.emulator.metrics().function("orders").retries()).isEqualTo(1);
    }
  }

  @Test
  void poisonMessageIsDeadLetteredAfterFiveAttemptsWithItsBodyAndAttributesIntact() {
    try (Harness h = new Harness(Harness.fast())) {
      String id = h.emulator.events().send("orders", "poison", Map.of("tenant", "acme"));
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .containsExactly("poison#1", "poison#2", "poison#3", "poison#4", "poison#5");
      List<DeadLetter> dead = h.emulator.events().deadLetters("orders");
      assertThat(dead).hasSize(1);
      DeadLetter d = dead.get(0);
      assertThat(d.id()).isEqualTo(id);
      assertThat(d.bodyText()).isEqualTo("poison");
      assertThat(d.attributes()).containsEntry("tenant", "acme");
      assertThat(d.attempts()).isEqualTo(5);
      assertThat(d.reason()).isEqualTo("max_attempts");
      assertThat(d.firstError()).contains("cannot parse order");
      assertThat(d.lastError()).contains("cannot parse order");
      assertThat(d.deadLetteredAt()).isAfterOrEqualTo(d.firstReceived());
      FunctionMetrics m = h.emulator.metrics().function("orders");
      assertThat(m.deadLettered()).isEqualTo(1);
      assertThat(m.retries()).as("a retry storm is bounded").isEqualTo(4);
    }
  }

  @Test
  void permanentFailureGoesStraightToTheDeadLetterStore() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().send("orders", "permanent");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("permanent#1");
      DeadLetter d = h.emulator.events().deadLetters("orders").get(0);
      assertThat(d.reason()).isEqualTo("permanent_failure");
      assertThat(d.attempts()).isEqualTo(1);
    }
  }

  @Test
  void deadLettersCanBeRedriven() {
    try (Harness h = new Harness(Harness.fast().maxAttempts(1))) {
      Probe.failInit = true;
      h.emulator.events().send("orders", "until-fixed");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().deadLetters("orders")).hasSize(1);
      Probe.failInit = false;
      assertThat(h.emulator.events().redrive("orders")).isEqualTo(1);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
      // Attempts restart at 1 after a re-drive.
      assertThat(Probe.seen).containsExactly("until-fixed#1", "until-fixed#1");
    }
  }

  @Test
  void aQueueHandlerTakingAListGetsBatchesOnlyWhereTheCloudBatches() throws Exception {
    for (Profile profile : Profile.values()) {
      try (Harness h = new Harness(Harness.fast().profile(profile))) {
        Probe.entered = new CountDownLatch(1);
        Probe.holdBatches = true;
        h.emulator.events().send("batch", "first");
        try {
          assertThat(Probe.entered.await(10, TimeUnit.SECONDS)).isTrue();
          for (int i = 0; i < 5; i++) {
            h.emulator.events().send("batch", "queued-" + i);
          }
        } finally {
          Probe.holdBatches = false;
          Probe.gate.countDown();
        }
        h.emulator.events().awaitIdle(IDLE);
        // Lambda hands the five waiting messages over in one call; Pub/Sub and Azure one by one.
        assertThat(Probe.seen)
            .as(profile.name())
            .containsExactlyElementsOf(
                profile == Profile.AWS
                    ? List.of("batch:1", "batch:5")
                    : List.of("batch:1", "batch:1", "batch:1", "batch:1", "batch:1", "batch:1"));
      }
    }
  }

  @Test
  void partialBatchFailureRetriesOnlyTheFailedMessages() {
    try (Harness h = new Harness(Harness.fast())) {
      Probe.entered = new CountDownLatch(0);
      for (String body : List.of("ok-1", "fail-2", "ok-3", "fail-4")) {
        h.emulator.events().send("batch", body);
      }
      h.emulator.events().awaitIdle(IDLE);
      FunctionMetrics m = h.emulator.metrics().function("batches");
      assertThat(m.deliveries()).as("4 first deliveries and 2 retries").isEqualTo(6);
      assertThat(m.retries()).isEqualTo(2);
      assertThat(h.emulator.events().deadLetters("batch")).isEmpty();
    }
  }

  @Test
  void throttledEventsWaitInTheQueueWithoutCountingAsFailures() throws Exception {
    try (Harness h = new Harness(Harness.fast().maxAttempts(1))) {
      Probe.entered = new CountDownLatch(1);
      h.emulator.events().send("orders", "slow");
      Probe.entered.await();
      h.emulator.events().send("orders", "second");
      h.emulator.events().send("orders", "third");
      Thread.sleep(100); // the single instance is busy: the others must wait, not fail
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
      Probe.gate.countDown();
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("slow#1", "second#1", "third#1");
      assertThat(h.emulator.events().deadLetters("orders")).isEmpty();
    }
  }

  @Test
  void anAzureInstanceRunsAtMost24MessagesOfAStorageQueueAtOnce() throws Exception {
    // The consumer has one instance; the azure profile lets it serve 100 HTTP requests at once,
    // but a Storage queue trigger hands it batchSize 16 + newBatchThreshold 8 messages.
    try (Harness h = new Harness(Harness.fast().profile(Profile.AZURE))) {
      Probe.entered = new CountDownLatch(24);
      for (int i = 0; i < 30; i++) {
        h.emulator.events().send("orders", "slow");
      }
      assertThat(Probe.entered.await(10, TimeUnit.SECONDS)).isTrue();
      Thread.sleep(100); // room for a 25th delivery, were one allowed
      assertThat(Probe.seen).hasSize(24);
      Probe.gate.countDown();
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).hasSize(30).containsOnly("slow#1");
      assertThat(h.emulator.metrics().function("orders").instances()).isEqualTo(1);
    }
  }

  @Test
  void eventsForADisabledFunctionStayQueued() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().send("parked", "waiting");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).isEmpty();
      assertThat(h.emulator.events().deadLetters("parked")).isEmpty();
    }
  }

  @Test
  void sendingToAQueueNobodyConsumesNamesTheQueuesThatExist() {
    try (Harness h = Harness.start()) {
      assertThatThrownBy(() -> h.emulator.events().send("order", "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("No function consumes queue 'order'")
          .hasMessageContaining("orders");
    }
  }

  @Test
  void publishingToATopicNoFunctionNamesIsRefusedListingTheProjectsTopics() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(() -> h.emulator.events().publish("new", "x"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "No function subscribes to topic 'new' or publishes to it; the project's topics are"
                  + " [news, checkouts, refund-requests, analytics]. Check the name in @OnTopic or"
                  + " @SendsTo(topics = ...).");
    }
  }

  @Test
  void aTopicAFunctionPublishesToButNoneSubscribesToTakesAMessagePublishedFromATest() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().publish("analytics", "from a test");

      assertThat(h.emulator.events().unsubscribed("analytics"))
          .extracting(TopicMessage::bodyText)
          .containsExactly("from a test");
    }
  }

  @Test
  void topicMessageFansOutToEverySubscriber() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().publish("news", "extra");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactlyInAnyOrder("a:extra", "b:extra");
    }
  }

  /** A test's own record: not public, as records in tests seldom are. */
  record Headline(String title, LocalDate day, Optional<String> by) {}

  @Test
  void aValuePublishedFromATestArrivesAsTheJsonFunctionsWriteAndAStringAsItIs() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator
          .events()
          .publish("news", new Headline("Snow", LocalDate.of(2026, 11, 28), Optional.empty()));
      Object text = "plain";
      h.emulator.events().publish("news", text);
      h.emulator.events().awaitIdle(IDLE);

      assertThat(Probe.seen)
          .containsExactlyInAnyOrder(
              "a:{\"title\":\"Snow\",\"day\":\"2026-11-28\",\"by\":null}",
              "b:{\"title\":\"Snow\",\"day\":\"2026-11-28\",\"by\":null}",
              "a:plain",
              "b:plain");
    }
  }

  @Test
  void anObjectWithAnEmptyKeyIsRefusedAndNothingIsStoredOrDelivered() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(
              () -> h.emulator.events().putObject("photos", "", new byte[] {1}, "text/plain"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "The object key is empty; S3, Cloud Storage and Azure Blob Storage keep no object"
                  + " without a name, so they never deliver a storage event with an empty key."
                  + " Pass a key such as 'photos/cat.jpg'.");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().getObject("photos", "")).isEmpty();
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void puttingAndDeletingObjectsFiresTheStorageTrigger() {
    try (Harness h = new Harness(Harness.fast())) {
      byte[] jpeg = "jpeg-bytes".getBytes(StandardCharsets.UTF_8);
      h.emulator.events().putObject("photos", "cats/1.jpg", jpeg, "image/jpeg");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().getObject("photos", "cats/1.jpg")).hasValue(jpeg);
      assertThat(h.emulator.events().deleteObject("photos", "cats/1.jpg")).isPresent();
      assertThat(h.emulator.events().deleteObject("photos", "cats/1.jpg")).isEmpty();
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .containsExactly("CREATED photos/cats/1.jpg 10", "DELETED photos/cats/1.jpg 10");
    }
  }

  @Test
  void tableChangesFireDataChangeTriggersWithOldAndNewImages() {
    try (Harness h = new Harness(Harness.fast())) {
      Map<String, Object> key = Map.of("id", 7);
      h.emulator.events().putRow("users", key, "{\"name\":\"Ada\"}");
      h.emulator.events().awaitIdle(IDLE);
      h.emulator.events().putRow("users", key, "{\"name\":\"Grace\"}");
      h.emulator.events().awaitIdle(IDLE);
      h.emulator.events().deleteRow("users", key);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .containsExactly("INSERT - -> Ada", "MODIFY Ada -> Grace", "REMOVE Grace -> -");
    }
  }

  @Test
  void rateScheduleFiresAsTheEmulatorClockAdvances() {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-03-01T00:00:00Z"));
    try (Harness h = new Harness(Harness.fast().clock(clock))) {
      clock.advance(Duration.ofMinutes(4));
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).filteredOn(s -> s.startsWith("tick")).isEmpty();
      clock.advance(Duration.ofMinutes(6));
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .filteredOn(s -> s.startsWith("tick"))
          .containsExactlyInAnyOrder("tick 2026-03-01T00:05:00Z", "tick 2026-03-01T00:10:00Z");
    }
  }

  @Test
  void cronScheduleFiresAtItsMinuteInItsZone() {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-03-01T00:00:00Z"));
    try (Harness h = new Harness(Harness.fast().clock(clock))) {
      clock.advance(Duration.ofDays(2));
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .filteredOn(s -> s.startsWith("nightly"))
          .containsExactlyInAnyOrder(
              "nightly 2026-03-01T02:30:00Z", "nightly 2026-03-02T02:30:00Z");
    }
  }

  @Test
  void eachOfAFunctionsTwoSchedulesRunsItsOwnHandler() {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-03-01T00:00:00Z"));
    try (Harness h = new Harness(Harness.fast().clock(clock))) {
      clock.advance(Duration.ofDays(1));
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .filteredOn(s -> s.startsWith("nightly") || s.startsWith("noon"))
          .containsExactlyInAnyOrder("nightly 2026-03-01T02:30:00Z", "noon 2026-03-01T12:00:00Z");
    }
  }

  @Test
  void aBucketsCreatedAndDeletedFilesReachTheirOwnHandlers() {
    try (Harness h = new Harness(Harness.fast())) {
      h.emulator.events().putObject("archive", "a.txt", new byte[] {1}, "text/plain");
      h.emulator.events().awaitIdle(IDLE);
      h.emulator.events().deleteObject("archive", "a.txt");
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("kept a.txt", "dropped a.txt");
    }
  }

  @Test
  void overwritingAFileReportsTheReplacedContentDeletedOnlyUnderTheGcpProfile() {
    for (Profile profile : Profile.values()) {
      try (Harness h = new Harness(Harness.fast().profile(profile))) {
        h.emulator.events().putObject("archive", "a.txt", new byte[] {1}, "text/plain");
        h.emulator.events().awaitIdle(IDLE);
        h.emulator.events().putObject("archive", "a.txt", new byte[] {2}, "text/plain");
        h.emulator.events().awaitIdle(IDLE);

        assertThat(Probe.seen)
            .as(profile.name())
            .containsExactlyInAnyOrderElementsOf(
                profile == Profile.GCP
                    ? List.of("kept a.txt", "dropped a.txt", "kept a.txt")
                    : List.of("kept a.txt", "kept a.txt"));
      }
    }
  }

  /** Three hourly occurrences while the first run is still going; the runs there were. */
  private static List<String> reportsWhileTheFirstRunHangs(Profile profile) throws Exception {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-03-01T00:00:00Z"));
    try (Harness h = new Harness(Harness.fast().profile(profile).clock(clock))) {
      Probe.holdSchedules = true;
      Probe.entered = new CountDownLatch(1);
      clock.advance(Duration.ofHours(1));
      assertThat(Probe.entered.await(10, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofHours(1));
      clock.advance(Duration.ofHours(1));
      Thread.sleep(200); // room for runs that would start beside the first
      Probe.gate.countDown();
      h.emulator.events().awaitIdle(IDLE);
      return Probe.seen.stream().filter(s -> s.startsWith("report")).toList();
    }
  }

  @Test
  void underAzureAScheduleRunsOneAtATimeAndCatchesUpOnce() throws Exception {
    // 01:00 runs and hangs; 02:00 waits for it; 03:00 merges into the waiting run, as Azure's
    // singleton timer runs one past-due occurrence after a long run.
    assertThat(reportsWhileTheFirstRunHangs(Profile.AZURE))
        .containsExactly("report 2026-03-01T01:00:00Z", "report 2026-03-01T02:00:00Z");
  }

  @Test
  void underAwsEveryOccurrenceStartsOnTimeBesideARunStillGoing() throws Exception {
    assertThat(reportsWhileTheFirstRunHangs(Profile.AWS))
        .containsExactlyInAnyOrder(
            "report 2026-03-01T01:00:00Z",
            "report 2026-03-01T02:00:00Z",
            "report 2026-03-01T03:00:00Z");
  }

  @Test
  void scheduleCanBeFiredNow() {
    EmulatorClock clock = EmulatorClock.manual(Instant.parse("2026-03-01T00:00:00Z"));
    try (Harness h = new Harness(Harness.fast().clock(clock))) {
      assertThat(h.emulator.events().fireSchedule("ticker")).hasSize(1);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).containsExactly("tick 2026-03-01T00:00:00Z");
      assertThatThrownBy(() -> h.emulator.events().fireSchedule("hello"))
          .hasMessageContaining("Function 'hello' has no @OnSchedule trigger");
    }
  }

  @Test
  void directInvocationReturnsTheJsonResult() {
    try (Harness h = Harness.start()) {
      InvokeOutcome o =
          h.emulator
              .events()
              .invoke("calculator", "{\"a\":2,\"b\":3}".getBytes(StandardCharsets.UTF_8));
      assertThat(o.succeeded()).isTrue();
      assertThat(new String(o.json(), StandardCharsets.UTF_8)).isEqualTo("{\"total\":5}");
      InvokeOutcome bad =
          h.emulator.events().invoke("calculator", "{".getBytes(StandardCharsets.UTF_8));
      assertThat(bad.errorCode()).isEqualTo("invalid_payload");
      InvokeOutcome throttled = h.emulator.events().invoke("disabled", new byte[0]);
      assertThat(throttled.errorCode()).isEqualTo("throttled");
    }
  }
}
