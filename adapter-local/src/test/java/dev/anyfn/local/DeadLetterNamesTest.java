package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dead letters are asked for by the name of what the events came to (a queue, topic, bucket, table
 * or function with schedules), or by one subscriber's delivery queue.
 */
class DeadLetterNamesTest {
  private static final Duration IDLE = Duration.ofSeconds(10);

  /** Sets aside one event of each kind: a topic's, a bucket's, a table's and two schedules'. */
  private static void deadLetterOneOfEachKind(Harness h) {
    Probe.refuseEvents = true;
    EventApi events = h.emulator.events();
    events.publish("refund-requests", "r-1");
    events.putObject("photos", "cat.jpg", new byte[] {1}, "image/jpeg");
    events.putRow("users", Map.of("id", 1), "{\"name\":\"Ada\"}");
    events.fireSchedule("nightly");
    events.awaitIdle(IDLE);
  }

  @Test
  void theDeadLettersOfATopicBucketTableAndScheduledFunctionAreFoundByTheirNames() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS))) {
      deadLetterOneOfEachKind(h);
      EventApi events = h.emulator.events();

      assertThat(events.deadLetters("refund-requests"))
          .extracting(DeadLetter::queue, DeadLetter::bodyText)
          .containsExactly(tuple("topic/refund-requests/refunds", "r-1"));
      assertThat(events.deadLetters("photos"))
          .extracting(DeadLetter::queue)
          .containsExactly("storage/photos/uploads");
      assertThat(events.deadLetters("users"))
          .extracting(DeadLetter::queue)
          .containsExactly("table/users/users");
      assertThat(events.deadLetters("nightly"))
          .extracting(DeadLetter::queue)
          .containsExactly("schedule/nightly", "schedule/nightly#2");
    }
  }

  @Test
  void aDeliveryQueuesOwnNameStillFindsThatSubscribersDeadLettersAlone() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS))) {
      deadLetterOneOfEachKind(h);

      assertThat(h.emulator.events().deadLetters("schedule/nightly#2"))
          .extracting(DeadLetter::queue)
          .containsExactly("schedule/nightly#2");
      assertThat(h.emulator.events().deadLetters("topic/refund-requests/refunds")).hasSize(1);
    }
  }

  @Test
  void redrivingByAFunctionsNameRedrivesTheDeadLettersOfAllItsSchedules() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS))) {
      deadLetterOneOfEachKind(h);
      Probe.refuseEvents = false;

      assertThat(h.emulator.events().redrive("nightly")).isEqualTo(2);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(h.emulator.events().deadLetters("nightly")).isEmpty();
      assertThat(Probe.seen)
          .anyMatch(s -> s.startsWith("nightly "))
          .anyMatch(s -> s.startsWith("noon "));
    }
  }

  @Test
  void theControlApiFindsAndRedrivesATopicsDeadLettersByTheTopicsName() {
    try (Harness h = new Harness(Harness.fast().profile(Profile.AWS))) {
      deadLetterOneOfEachKind(h);

      HttpResponse<String> dead = h.get("/_anyfn/dead-letters?queue=refund-requests");
      assertThat(dead.statusCode()).isEqualTo(200);
      assertThat(dead.body())
          .contains("\"queue\":\"topic/refund-requests/refunds\"")
          .contains("\"body\":\"r-1\"");
      HttpResponse<String> redriven =
          h.post("/_anyfn/dead-letters/redrive?queue=refund-requests", "");
      assertThat(redriven.body()).isEqualTo("{\"redriven\":1}");
    }
  }

  @Test
  void aNameNothingKeepsDeadLettersForIsRefusedNamingWhatThereIs() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThatThrownBy(() -> h.emulator.events().deadLetters("refund-request"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith(
              "Nothing named 'refund-request' keeps dead letters. Expected a queue a function"
                  + " reads [")
          .hasMessageContaining(", a topic one subscribes to [news, checkouts, refund-requests]")
          .hasMessageContaining(", a function with a schedule [")
          .hasMessageContaining("topic/refund-requests/refunds")
          .hasMessageEndingWith("]. Check the name.");
      assertThat(h.get("/_anyfn/dead-letters?queue=refund-request").statusCode()).isEqualTo(404);
    }
  }

  @Test
  void aNameThatIsATopicAndABucketAtOnceIsRefusedNamingTheDeliveryQueuesToAskFor() {
    ClassLoader photosIsATopicToo =
        FixtureIndex.edited(json -> json.replace("\"bucket\": \"photos\"", "\"bucket\": \"news\""));
    try (Harness h = new Harness(Harness.fast(), photosIsATopicToo)) {
      assertThatThrownBy(() -> h.emulator.events().deadLetters("news"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "'news' is a topic and a bucket; ask for the dead letters of one of their delivery"
                  + " queues by its own name: [topic/news/news-a, topic/news/news-b,"
                  + " storage/news/uploads].");
      HttpResponse<String> answer = h.get("/_anyfn/dead-letters?queue=news");
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body()).contains("\"error\":\"ambiguous_name\"");
    }
  }
}
