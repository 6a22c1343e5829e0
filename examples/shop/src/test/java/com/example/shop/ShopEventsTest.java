package com.example.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.local.Emulator;
import dev.anyfn.local.EventApi;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shop's event functions on the emulator, driven through its event API. This test builds its
 * own emulator because it needs what the default one does not set: the image directory in the
 * functions' environment, quick retries, and the log lines to check.
 */
class ShopEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir static Path buckets;

  private static final List<String> LOG = new CopyOnWriteArrayList<>();
  private static Emulator emulator;
  private static EventApi events;

  @BeforeAll
  static void start() {
    emulator =
        Emulator.builder()
            .classLoader(ShopEventsTest.class.getClassLoader())
            .port(0)
            .environment(Map.of(ThumbnailFunction.IMAGE_DIR, buckets.toString()))
            .maxAttempts(3)
            .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20))
            .logSink(LOG::add)
            .build()
            .start();
    events = emulator.events();
  }

  @AfterAll
  static void stop() {
    emulator.close();
  }

  @BeforeEach
  void clearLog() {
    LOG.clear();
  }

  @Test
  void anUploadedImageGetsAThumbnailInTheThumbnailsBucket() throws Exception {
    byte[] photo = ThumbnailFunctionTest.png(1024, 768);
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

    assertThat(LOG.stream().filter(line -> line.contains("\"order rejected\"")))
        .as("retried alone, %d attempts", 3)
        .hasSize(3)
        .allSatisfy(line -> assertThat(line).contains(id));
    assertThat(LOG.stream().filter(line -> line.contains("\"order set aside\"")))
        .singleElement()
        .satisfies(line -> assertThat(line).contains(id).contains("o-2"));
    assertThat(events.deadLetters("orders")).as("moved, not kept").isEmpty();
    assertThat(LOG.stream().filter(line -> line.contains("\"order fulfilled\"")))
        .hasSize(2)
        .anySatisfy(line -> assertThat(line).contains("\"orderId\":\"o-1\""))
        .anySatisfy(line -> assertThat(line).contains("\"orderId\":\"o-3\""));
  }

  @Test
  void theNightlyJobReportsThePreviousDayWhenFired() {
    assertThat(events.fireSchedule("shop-nightly")).hasSize(1);
    events.awaitIdle(WAIT);

    assertThat(LOG).anySatisfy(line -> assertThat(line).contains("\"message\":\"nightly report\""));
  }

  @Test
  void everyChangeOfAnOrderRowIsAudited() {
    Map<String, Object> keys = Map.of("orderId", "o-9");
    events.putRow("orders", keys, "{\"orderId\":\"o-9\",\"status\":\"NEW\",\"totalCents\":900}");
    events.awaitIdle(WAIT);
    events.putRow("orders", keys, "{\"orderId\":\"o-9\",\"status\":\"PAID\",\"totalCents\":900}");
    events.awaitIdle(WAIT);

    assertThat(LOG.stream().filter(line -> line.contains("\"function\":\"shop-audit\"")))
        .anySatisfy(line -> assertThat(line).contains("order o-9: (none) -> NEW (INSERT)"))
        .anySatisfy(line -> assertThat(line).contains("order o-9: NEW -> PAID (MODIFY)"));
  }
}
