package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.local.fixtures.Probe;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
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
  void theAddressTheBannerPrintsListsEveryEndpointAndEachListedOneIsServed() throws Exception {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> index = h.get("/_anyfn/");

      assertThat(index.statusCode()).isEqualTo(200);
      JsonNode endpoints = new ObjectMapper().readTree(index.body()).get("endpoints");
      assertThat(endpoints).hasSize(ControlApi.ENDPOINTS.size());
      assertThat(endpoints.get(1).toString())
          .isEqualTo(
              "{\"method\":\"POST\",\"path\":\"/_anyfn/queues/{queue}/messages\",\"does\":"
                  + "\"Sends the body to a queue as a message; query parameters are its"
                  + " attributes.\"}");
      for (JsonNode e : endpoints) {
        String path = e.get("path").asText().replaceAll("\\{[a-z]+}", "x");
        HttpResponse<String> r =
            h.send(
                HttpRequest.newBuilder(h.uri(path))
                    .method(e.get("method").asText(), HttpRequest.BodyPublishers.ofString("{}"))
                    .build());
        assertThat(r.body()).as(e.toString()).doesNotContain("No control API endpoint");
        assertThat(r.statusCode()).as(e.toString()).isNotEqualTo(405);
      }
      assertThat(h.post("/_anyfn/", "").statusCode()).isEqualTo(405);
      assertThat(h.get("/_anyfn/queue/orders").body())
          .contains("No control API endpoint /_anyfn/queue/orders; GET /_anyfn/ lists them.");
    }
  }

  @Test
  void servesTheOpenApiDocumentOfTheRoutesItServesAndSaysWhenThereIsNone() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> doc = h.get("/_anyfn/openapi.json");

      assertThat(doc.statusCode()).isEqualTo(200);
      assertThat(doc.headers().firstValue("Content-Type")).hasValue("application/json");
      assertThat(doc.body())
          .startsWith("{\n  \"openapi\": \"3.1.0\"")
          .contains("\"/hello\": {")
          .contains("\"/echo\": {")
          // the core test-jar's conformance routes are on the class path, but not served here
          .doesNotContain("\"/boom\"");
      assertThat(h.post("/_anyfn/openapi.json", "").statusCode()).isEqualTo(405);
    }
    try (Harness h = new Harness(Harness.fast(), FixtureIndex.conformanceOnly())) {
      HttpResponse<String> none = h.get("/_anyfn/openapi.json");

      assertThat(none.statusCode()).isEqualTo(404);
      assertThat(none.body()).contains("No OpenAPI document: no function has a route");
    }
  }

  @Test
  void resetDropsDeadLettersAndObjects() {
    try (Harness h = new Harness(Harness.fast())) {
      h.post("/_anyfn/queues/orders/messages", "permanent");
      h.emulator.events().awaitIdle(IDLE);
      h.emulator.events().putObject("photos", "cats/1.jpg", new byte[] {1}, "image/jpeg");
      h.emulator.events().awaitIdle(IDLE);

      HttpResponse<String> reset = h.post("/_anyfn/reset", "");

      assertThat(reset.statusCode()).isEqualTo(200);
      assertThat(reset.body()).isEqualTo("{\"finished\":true}");
      assertThat(h.get("/_anyfn/dead-letters?queue=orders").body()).isEqualTo("[]");
      assertThat(h.emulator.events().getObject("photos", "cats/1.jpg")).isEmpty();
      assertThat(h.get("/_anyfn/reset").statusCode()).isEqualTo(405);
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
  void anObjectPutWithAnEmptyKeyIsA400AndNothingIsStoredOrDelivered() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> put =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/buckets/photos/objects/"))
                  .PUT(HttpRequest.BodyPublishers.ofString("x"))
                  .build());
      h.emulator.events().awaitIdle(IDLE);

      assertThat(put.statusCode()).isEqualTo(400);
      assertThat(put.body())
          .contains("\"error\":\"invalid_path\"")
          .contains(
              "The object key is empty; S3, Cloud Storage and Azure Blob Storage keep no object"
                  + " without a name, so they never deliver a storage event with an empty key."
                  + " Put the key after objects/: /_anyfn/buckets/{bucket}/objects/{key}.");
      assertThat(h.emulator.events().getObject("photos", "")).isEmpty();
      assertThat(Probe.seen).isEmpty();
    }
  }

  @Test
  void publishingToATopicNoFunctionNamesIsA404SayingWhichTopicsExist() {
    try (Harness h = new Harness(Harness.fast())) {
      HttpResponse<String> r = h.post("/_anyfn/topics/nosuch/messages", "{}");

      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body())
          .contains("\"error\":\"not_found\"")
          .contains(
              "No function subscribes to topic 'nosuch' or publishes to it; the project's topics"
                  + " are [news, checkouts, refund-requests, analytics].");
    }
  }

  @Test
  void aPageOfAnotherOriginCannotPostEventsAndNothingIsDelivered() {
    try (Harness h = new Harness(Harness.fast())) {
      // What a form or fetch() of a page on another site sends: a "simple" POST, no preflight.
      for (String origin :
          List.of(
              "http://evil.example",
              "null",
              "http://localhost:" + (h.emulator.baseUri().getPort() + 1),
              "https://127.0.0.1:" + h.emulator.baseUri().getPort())) {
        HttpResponse<String> r =
            h.send(
                HttpRequest.newBuilder(h.uri("/_anyfn/topics/news/messages"))
                    .header("Origin", origin)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("from-" + origin))
                    .build());
        assertThat(r.statusCode()).as(origin).isEqualTo(403);
        assertThat(r.body())
            .contains("\"error\":\"cross_site_refused\"")
            .contains("Origin '" + origin + "'")
            .contains("this emulator's own origin " + h.emulator.baseUri());
      }
      assertThat(h.post("/_anyfn/topics/news/messages", "from-a-tool").statusCode()).isEqualTo(202);
      h.emulator.events().awaitIdle(IDLE);
      assertThat(Probe.seen).contains("a:from-a-tool").noneMatch(s -> s.contains("from-http"));
      assertThat(Probe.seen).noneMatch(s -> s.contains("from-null"));
    }
  }

  @Test
  void theEmulatorsOwnOriginMayUseTheControlApiUnderEveryLoopbackName() {
    try (Harness h = Harness.start()) {
      int port = h.emulator.baseUri().getPort();
      for (String origin :
          List.of(
              "http://127.0.0.1:" + port, "http://localhost:" + port, "http://LOCALHOST:" + port)) {
        HttpResponse<String> r =
            h.send(
                HttpRequest.newBuilder(h.uri("/_anyfn/functions/calculator/invoke"))
                    .header("Origin", origin)
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1,\"b\":2}"))
                    .build());
        assertThat(r.statusCode()).as(origin).isEqualTo(200);
        assertThat(r.body()).isEqualTo("{\"total\":3}");
      }
    }
  }

  @Test
  void aCrossSiteFetchWithoutOriginIsRefusedByItsFetchMetadata() {
    try (Harness h = Harness.start()) {
      for (String site : List.of("cross-site", "same-site")) {
        HttpResponse<String> r =
            h.send(
                HttpRequest.newBuilder(h.uri("/_anyfn/metrics"))
                    .header("Sec-Fetch-Site", site)
                    .GET()
                    .build());
        assertThat(r.statusCode()).as(site).isEqualTo(403);
        assertThat(r.body()).contains("Sec-Fetch-Site '" + site + "'");
      }
      HttpResponse<String> typedIn =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/metrics"))
                  .header("Sec-Fetch-Site", "none")
                  .GET()
                  .build());
      assertThat(typedIn.statusCode()).isEqualTo(200);
    }
  }

  @Test
  void functionRoutesStillAnswerPagesOfOtherOrigins() {
    try (Harness h = Harness.start()) {
      HttpResponse<String> r =
          h.send(
              HttpRequest.newBuilder(h.uri("/hello"))
                  .header("Origin", "http://app.example")
                  .header("Sec-Fetch-Site", "cross-site")
                  .GET()
                  .build());
      assertThat(r.statusCode()).isEqualTo(200);
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
  void aFailedInvocationIsAnsweredWithTheOneRequestIdItsLogLinesCarry() throws Exception {
    try (Harness h = Harness.start()) {
      HttpResponse<String> r =
          h.post("/_anyfn/functions/calculator/invoke", "{\"a\":2147483647,\"b\":1}");

      assertThat(r.statusCode()).isEqualTo(500);
      JsonNode problem = new ObjectMapper().readTree(r.body());
      String requestId = problem.get("requestId").asText();
      assertThat(problem.get("error").asText()).isEqualTo("handler_error");
      assertThat(problem.get("detail").asText())
          .isEqualTo("The function failed; see its logs for request " + requestId + ".");
      Eventually.until("the failure is logged", () -> h.logged("ArithmeticException"));
      assertThat(h.log)
          .filteredOn(l -> l.contains("ArithmeticException") || l.startsWith("REPORT"))
          .isNotEmpty()
          .allSatisfy(l -> assertThat(l).contains(requestId));
    }
  }

  @Test
  void invokingAFunctionWithoutOnInvokeIs404NamingThoseWithOneAndStartsNoInstance() {
    try (Harness h = Harness.start()) {
      HttpResponse<String> r = h.post("/_anyfn/functions/hello/invoke", "{}");

      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body())
          .contains("Function 'hello' has no @OnInvoke handler; functions with one: [calculator");
      FunctionMetrics hello = h.emulator.metrics().function("hello");
      assertThat(hello.coldStarts()).isZero();
      assertThat(hello.errors()).isZero();
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
      HttpResponse<String> delivered = h.get("/_anyfn/queues/orders/messages");
      assertThat(delivered.statusCode()).isEqualTo(404);
      assertThat(delivered.body()).contains("A function reads 'orders'");
      HttpResponse<String> put =
          h.send(
              HttpRequest.newBuilder(h.uri("/_anyfn/queues/orders/messages"))
                  .PUT(HttpRequest.BodyPublishers.ofString("x"))
                  .build());
      assertThat(put.statusCode()).isEqualTo(405);
      assertThat(put.headers().firstValue("Allow")).hasValue("GET, POST");
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
