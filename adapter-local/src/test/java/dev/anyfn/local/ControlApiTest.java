package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ControlApiTest {
  static final Duration IDLE = Duration.ofSeconds(10);

  @Test
  void sendsQueueMessagesWithAttributesAndListsAndRedrivesDeadLetters() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> sent = h.post("/_anyfn/queues/orders/messages?tenant=acme", "poison");
      assertThat(sent.statusCode()).isEqualTo(202);
      assertThat(sent.body()).contains("\"id\":\"evt-");
      h.emulator.events().awaitIdle(IDLE);
      HttpResponse<String> dead = h.get("/_anyfn/dead-letters?queue=orders");
      assertThat(dead.statusCode()).isEqualTo(200);
      assertThat(dead.body())
          .contains("\"body\":\"poison\"")
          .contains("\"tenant\":\"acme\"")
          .contains("\"attempts\":5")
          .contains("\"reason\":\"max_attempts\"");
      HttpResponse<String> redriven = h.post("/_anyfn/dead-letters/redrive?queue=orders", "");
      assertThat(redriven.body()).isEqualTo("{\"redriven\":1}");
    }
  }

  @Test
  void publishesUploadsWritesRowsAndFiresSchedules() {
    try (Harness h = new Harness(Harness.fast())) {
      assertThat(h.post("/_anyfn/topics/news/messages", "hi").statusCode()).isEqualTo(202);
      HttpResponse<String> put =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/buckets/photos/objects/a/b.txt"))
                  .header("Content-Type", "text/plain")
                  .PUT(HttpRequest.BodyPublishers.ofString("abc"))
                  .build());
      assertThat(put.statusCode()).isEqualTo(201);
      HttpResponse<String> row =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/tables/users/rows"))
                  .PUT(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"keys\":{\"id\":1},\"image\":{\"name\":\"Ada\"}}"))
                  .build());
      assertThat(row.statusCode()).isEqualTo(200);
      assertThat(h.post("/_anyfn/schedules/ticker/fire", "").statusCode()).isEqualTo(202);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen)
          .contains("a:hi", "b:hi", "CREATED photos/a/b.txt 3", "INSERT - -> Ada")
          .anyMatch(s -> s.startsWith("tick "));
    }
  }

  @Test
  void invokesFunctionsAndReadsMetrics() {
    try (Harness h = Harness.start()) {
      HttpResponse<String> r = h.post("/_anyfn/functions/calculator/invoke", "{\"a\":1,\"b\":41}");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).isEqualTo("{\"total\":42}");
      HttpResponse<String> metrics = h.get("/_anyfn/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body())
          .contains(
              "\"calculator\":{\"function\":\"calculator\",\"invocations\":1,\"coldStarts\":1")
          .contains("\"estimatedCostUsd\"")
          .contains("\"pricesAsOf\"");
    }
  }

  @Test
  void metricsAndStartBannerSayTheCostIsAnEstimateFromADatedPriceList() {
    try (Harness h = Harness.start()) {
      String note =
          "Estimated cost from list prices recorded 2025-06-01 (US regions, on-demand, no free"
              + " tier), not fetched from the providers; an estimate, not a bill.";
      assertThat(h.get("/_anyfn/metrics").body())
          .contains("\"pricesAsOf\":\"2025-06-01\"")
          .contains("\"costNote\":\"" + note);
      assertThat(h.emulator.metrics().costNote()).startsWith(note);
      assertThat(h.log).anyMatch(l -> l.startsWith("Metrics: ") && l.contains(note));
    }
  }

  @Test
  void badControlRequestsAreProblemsThatSayWhatToFix() {
    try (Harness h = Harness.start()) {
      HttpResponse<String> unknown = h.post("/_anyfn/queues/nope/messages", "x");
      assertThat(unknown.statusCode()).isEqualTo(404);
      assertThat(unknown.body()).contains("No function consumes queue 'nope'");
      assertThat(h.get("/_anyfn/queues/orders/messages").statusCode()).isEqualTo(405);
      HttpResponse<String> noKeys =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/tables/users/rows"))
                  .PUT(HttpRequest.BodyPublishers.ofString("{\"image\":{}}"))
                  .build());
      assertThat(noKeys.statusCode()).isEqualTo(400);
      assertThat(noKeys.body()).contains("non-empty \\\"keys\\\" object");
      assertThat(h.get("/_anyfn/nothing").statusCode()).isEqualTo(404);
    }
  }
}
