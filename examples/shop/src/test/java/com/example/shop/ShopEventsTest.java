package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.anyfn.junit.AnyfnClient;
import dev.anyfn.junit.AnyfnTest;
import dev.anyfn.junit.FunctionLog;
import dev.anyfn.local.EventApi;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shop's event functions on the emulator, driven through its event API: 3 delivery attempts
 * instead of the AWS profile's 5 and quick retries, the image directory in the functions'
 * environment (under {@code target/}), and the functions' log lines to check.
 */
@AnyfnTest(
    environment = ThumbnailFunction.IMAGE_DIR + "=" + ShopEventsTest.BUCKETS,
    maxAttempts = 3,
    retryBackoffMillis = 5)
class ShopEventsTest {
  static final String BUCKETS = "target/test-buckets";
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final EventApi events;
  private final FunctionLog log;

  ShopEventsTest(EventApi events, FunctionLog log) {
    this.events = events;
    this.log = log;
  }

  @Test
  void anUploadedImageGetsAThumbnailInTheThumbnailsBucket() throws Exception {
    byte[] photo = ThumbnailFunctionTest.png(1024, 768);
    Path buckets = Path.of(BUCKETS);
    Path original = buckets.resolve("uploads/2026/cat.png");
    Files.createDirectories(original.getParent());
    Files.write(original, photo);

    events.putObject("uploads", "2026/cat.png", photo, "image/png");
    events.awaitIdle(WAIT);

    BufferedImage thumbnail =
        ThumbnailFunctionTest.read(Files.readAllBytes(buckets.resolve("thumbnails/2026/cat.png")));
    assertThat(thumbnail.getWidth()).isEqualTo(128);
    assertThat(thumbnail.getHeight()).isEqualTo(96);
  }

  @Test
  void aBadOrderInABatchIsRetriedAloneThenSetAsideInOrdersPoisonWithItsBody() {
    String bad = "{\"orderId\":\"o-2\",\"productId\":1,\"quantity\":0}";
    events.send("orders", "{\"orderId\":\"o-1\",\"productId\":1,\"quantity\":2}");
    String id = events.send("orders", bad);
    events.send("orders", "{\"orderId\":\"o-3\",\"productId\":3,\"quantity\":1}");
    events.awaitIdle(WAIT);

    List<FunctionLog.Entry> orders = log.entries("shop-orders");
    assertThat(orders)
        .filteredOn(e -> e.message().equals("order rejected"))
        .as("retried alone, %d attempts", 3)
        .extracting(e -> e.fields().get("messageId"))
        .containsExactly(id, id, id);
    assertThat(orders)
        .filteredOn(e -> e.message().equals("order set aside"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fields()).containsEntry("messageId", id);
              assertThat(e.fields().get("body").toString()).contains("\"orderId\":\"o-2\"");
            });
    assertThat(events.deadLetters("orders")).as("moved, not kept").isEmpty();
    assertThat(orders)
        .filteredOn(e -> e.message().equals("order fulfilled"))
        .extracting(e -> e.fields().get("orderId"))
        .containsExactlyInAnyOrder("o-1", "o-3");
  }

  @Test
  void anOrderAcceptedByTheApiIsFulfilledFromTheOrdersQueueUnderTheIdItAnswered(AnyfnClient client)
      throws Exception {
    AnyfnClient.Response accepted = client.post("/api/orders", "{\"productId\":2,\"quantity\":3}");
    events.awaitIdle(WAIT);

    assertThat(accepted.status()).isEqualTo(202);
    String orderId = new ObjectMapper().readTree(accepted.bodyText()).get("orderId").asText();
    assertThat(log.entries("shop-orders"))
        .filteredOn(e -> e.message().equals("order fulfilled"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.fields()).containsEntry("orderId", orderId);
              assertThat(e.fields()).containsEntry("quantity", 3);
            });
    assertThat(log.entries("shop-audit"))
        .filteredOn(e -> e.message().equals("order placed"))
        .singleElement()
        .satisfies(e -> assertThat(e.fields()).containsEntry("orderId", orderId));
  }

  @Test
  void anOrderTheApiRefusesSendsNothing(AnyfnClient client) {
    AnyfnClient.Response refused = client.post("/api/orders", "{\"productId\":2,\"quantity\":0}");
    events.awaitIdle(WAIT);

    assertThat(refused.status()).isEqualTo(422);
    assertThat(log.entries("shop-orders")).isEmpty();
    assertThat(log.entries("shop-audit")).isEmpty();
  }

  @Test
  void theNightlyJobReportsThePreviousDayWhenFired() {
    assertThat(events.fireSchedule("shop-nightly")).hasSize(1);
    events.awaitIdle(WAIT);

    assertThat(log.messages("shop-nightly")).contains("nightly report");
  }

  @Test
  void everyChangeOfAnOrderRowIsAudited() {
    Map<String, Object> keys = Map.of("orderId", "o-9");
    events.putRow("orders", keys, "{\"orderId\":\"o-9\",\"status\":\"NEW\",\"totalCents\":900}");
    events.awaitIdle(WAIT);
    events.putRow("orders", keys, "{\"orderId\":\"o-9\",\"status\":\"PAID\",\"totalCents\":900}");
    events.awaitIdle(WAIT);

    assertThat(log.messages("shop-audit"))
        .contains("order o-9: (none) -> NEW (INSERT)", "order o-9: NEW -> PAID (MODIFY)");
  }
}
