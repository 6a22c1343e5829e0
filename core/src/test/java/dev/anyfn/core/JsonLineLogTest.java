package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLineLogTest {
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final List<String> lines = new ArrayList<>();
  private final JsonLineLog log =
      new JsonLineLog(
          lines::add,
          "orders",
          "req-1",
          Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));

  @Test
  void aLineIsOneJsonObjectWithTheInvocationAndTheCallersFields() throws Exception {
    log.info("order taken", "orderId", "o-1", "quantity", 2, "express", true);

    JsonNode line = STRICT.readTree(lines.get(0));
    assertThat(line.get("time").asText()).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("function").asText()).isEqualTo("orders");
    assertThat(line.get("requestId").asText()).isEqualTo("req-1");
    assertThat(line.get("message").asText()).isEqualTo("order taken");
    assertThat(line.get("orderId").asText()).isEqualTo("o-1");
    assertThat(line.get("quantity").isInt()).isTrue();
    assertThat(line.get("express").isBoolean()).isTrue();
  }

  @Test
  void aCallersKeyThatTheLogWritesItselfGetsAnUnderscoreInsteadOfADuplicateKey() throws Exception {
    log.error(
        "failed",
        new IllegalStateException("boom"),
        "function",
        "theirs",
        "requestId",
        "r-9",
        "level",
        "high",
        "errorType",
        "mine");

    JsonNode line = STRICT.readTree(lines.get(0)); // throws on a duplicate key
    assertThat(line.get("function").asText()).isEqualTo("orders");
    assertThat(line.get("_function").asText()).isEqualTo("theirs");
    assertThat(line.get("requestId").asText()).isEqualTo("req-1");
    assertThat(line.get("_requestId").asText()).isEqualTo("r-9");
    assertThat(line.get("level").asText()).isEqualTo("ERROR");
    assertThat(line.get("_level").asText()).isEqualTo("high");
    assertThat(line.get("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
    assertThat(line.get("_errorType").asText()).isEqualTo("mine");
  }

  @Test
  void secretLookingKeysAreRedactedAndControlCharactersEscaped() throws Exception {
    log.warn("login\nfailed", "apiKey", "k-123", "userPassword", "p");

    assertThat(lines.get(0)).doesNotContain("k-123").doesNotContain("\n");
    JsonNode line = STRICT.readTree(lines.get(0));
    assertThat(line.get("message").asText()).isEqualTo("login\nfailed");
    assertThat(line.get("apiKey").asText()).isEqualTo("[redacted]");
    assertThat(line.get("userPassword").asText()).isEqualTo("[redacted]");
  }

  @Test
  void keysAreSecretByTheirWordsNotByWhatTheyContain() {
    assertThat(
            java.util.stream.Stream.of(
                    "apiKey",
                    "x-api-key",
                    "API_KEY",
                    "userPassword",
                    "auth_token",
                    "Set-Cookie",
                    "Authorization",
                    "privateKey",
                    "clientSecret",
                    "tokens",
                    "APIKey")
                .filter(k -> !JsonLineLog.isSecret(k)))
        .isEmpty();
    assertThat(
            java.util.stream.Stream.of(
                    "monkey",
                    "keyword",
                    "turkey",
                    "key",
                    "objectKey",
                    "bucket_key",
                    "keys",
                    "orderId")
                .filter(JsonLineLog::isSecret))
        .isEmpty();
  }

  @Test
  void aLineOverSixteenKilobytesStaysJsonAndKeepsTheStartOfTheStackTrace() throws Exception {
    for (int pad = 0; pad < 8; pad++) {
      lines.clear();
      String quoted = "x".repeat(pad) + "\"\\\u0001".repeat(6_000);
      log.error(quoted, new IllegalStateException(quoted), "field", quoted);

      String text = lines.get(0);
      assertThat(text.length()).isLessThanOrEqualTo(16 * 1024);
      JsonNode line = STRICT.readTree(text);
      assertThat(line.get("message").asText()).endsWith("...[truncated]");
      assertThat(line.get("stackTrace").asText())
          .startsWith("java.lang.IllegalStateException: x".substring(0, 33))
          .contains("\tat dev.anyfn.core.JsonLineLogTest");
    }
  }

  @Test
  void aLineWithManyLongFieldsKeepsItsMessageAndStaysWithinTheLimit() throws Exception {
    Object[] fields = new Object[80];
    for (int i = 0; i < 40; i++) {
      fields[2 * i] = "field" + i;
      fields[2 * i + 1] = "v".repeat(600);
    }
    log.warn("many fields", fields);

    assertThat(lines.get(0).length()).isLessThanOrEqualTo(16 * 1024);
    JsonNode line = STRICT.readTree(lines.get(0));
    assertThat(line.get("message").asText()).isEqualTo("many fields");
    assertThat(line.get("truncated").asBoolean()).isTrue();
  }
}
