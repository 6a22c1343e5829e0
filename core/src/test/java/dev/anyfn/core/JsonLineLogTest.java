package dev.anyfn.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.anyfn.Provider;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

class JsonLineLogTest {
  private static final JsonMapper STRICT =
      JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private static final String TRACE =
      "projects/demo-project/traces/4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String REPORTED_ERROR_EVENT =
      "type.googleapis.com/google.devtools.clouderrorreporting.v1beta1.ReportedErrorEvent";

  private final List<String> lines = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();
  private final JsonLineLog log = log(Provider.AWS);
  private final JsonLineLog google = log(Provider.GCP);

  /** A log of invocation req-1 of orders on {@code provider}, traced, into {@link #lines}. */
  private JsonLineLog log(Provider provider) {
    return new JsonLineLog(
        (level, line) -> {
          levels.add(level);
          lines.add(line);
        },
        provider,
        "orders",
        "req-1",
        TRACE,
        "00f067aa0ba902b7",
        Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
  }

  @Test
  void aLineIsOneJsonObjectWithTheInvocationAndTheCallersFields() throws Exception {
    log.info("order taken", "orderId", "o-1", "quantity", 2, "express", true);

    JsonNode line = STRICT.readTree(lines.get(0));
    assertThat(line.get("timestamp").asText()).isEqualTo("2026-11-27T10:00:00Z");
    assertThat(line.get("level").asText()).isEqualTo("INFO");
    assertThat(line.get("function").asText()).isEqualTo("orders");
    assertThat(line.get("requestId").asText()).isEqualTo("req-1");
    assertThat(line.get("message").asText()).isEqualTo("order taken");
    assertThat(line.get("orderId").asText()).isEqualTo("o-1");
    assertThat(line.get("quantity").isInt()).isTrue();
    assertThat(line.get("express").isBoolean()).isTrue();
  }

  /**
   * Lambda's log-level filtering reads the time from {@code timestamp} (RFC 3339) and files a line
   * without a valid one at INFO; Cloud Logging reads {@code time}. A caller's key of either name is
   * prefixed on every cloud.
   */
  @Test
  void theTimeIsUnderTheKeyEachCloudReads() throws Exception {
    log.warn("slow", "time", "theirs", "timestamp", "also theirs");
    google.warn("slow");
    log(Provider.AZURE).warn("slow");

    assertThat(lines.get(0))
        .startsWith("{\"timestamp\":\"2026-11-27T10:00:00Z\",\"level\":\"WARN\"");
    JsonNode aws = STRICT.readTree(lines.get(0));
    assertThat(OffsetDateTime.parse(aws.get("timestamp").asText()).toInstant())
        .isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(aws.has("time")).isFalse();
    assertThat(aws.get("_time").asText()).isEqualTo("theirs");
    assertThat(aws.get("_timestamp").asText()).isEqualTo("also theirs");
    assertThat(lines.get(1)).startsWith("{\"time\":\"2026-11-27T10:00:00Z\",");
    assertThat(lines.get(2)).startsWith("{\"time\":\"2026-11-27T10:00:00Z\",");
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

  @Test
  void eachLineGoesToTheSinkWithItsLevel() {
    log.info("a");
    log.warn("b");
    log.error("c", null);

    assertThat(levels).containsExactly(Level.INFO, Level.WARNING, Level.SEVERE);
  }

  @Test
  void onGoogleALineCarriesTheSeverityAndTraceCloudLoggingReadsAndKeepsItsLevel() throws Exception {
    google.info("taken");
    google.warn("slow");
    google.error("failed", null);

    List<JsonNode> read = new ArrayList<>();
    for (String text : lines) {
      read.add(STRICT.readTree(text));
    }
    assertThat(read)
        .extracting(l -> l.get("severity").asText())
        .containsExactly("INFO", "WARNING", "ERROR");
    assertThat(read)
        .extracting(l -> l.get("level").asText())
        .containsExactly("INFO", "WARN", "ERROR");
    assertThat(read.get(0).get("logging.googleapis.com/trace").asText()).isEqualTo(TRACE);
    assertThat(read.get(0).get("logging.googleapis.com/spanId").asText())
        .isEqualTo("00f067aa0ba902b7");
    assertThat(read.get(0).get("requestId").asText()).isEqualTo("req-1");
  }

  @Test
  void onGoogleAnErrorsStackTraceIsInTheStackTraceFieldErrorReportingReads() throws Exception {
    google.error("failed", new IllegalStateException("boom"), "orderId", "o-1");

    JsonNode line = STRICT.readTree(lines.get(0));
    assertThat(line.get("severity").asText()).isEqualTo("ERROR");
    assertThat(line.get("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: boom" + System.lineSeparator() + "\tat ")
        .contains("dev.anyfn.core.JsonLineLogTest");
    assertThat(line.has("stackTrace")).isFalse();
    assertThat(line.has("@type")).isFalse();
    assertThat(line.get("errorType").asText()).isEqualTo(IllegalStateException.class.getName());
  }

  @Test
  void onGoogleAnErrorWithoutAThrowableIsAReportedErrorEventWhoseMessageIsTheText()
      throws Exception {
    google.error("payment declined", null);
    google.warn("retrying");

    assertThat(STRICT.readTree(lines.get(0)).get("@type").asText()).isEqualTo(REPORTED_ERROR_EVENT);
    assertThat(STRICT.readTree(lines.get(1)).has("@type")).isFalse();
  }

  @Test
  void onGoogleWithoutATraceTheLineHasNoTraceFields() throws Exception {
    new JsonLineLog(
            (level, line) -> lines.add(line),
            Provider.GCP,
            "orders",
            null,
            null,
            "00f067aa0ba902b7",
            Clock.systemUTC())
        .info("starting");

    JsonNode line = STRICT.readTree(lines.get(0));
    assertThat(line.get("severity").asText()).isEqualTo("INFO");
    assertThat(line.has("logging.googleapis.com/trace")).isFalse();
    assertThat(line.has("logging.googleapis.com/spanId")).isFalse();
  }

  @Test
  void elsewhereTheLineHasNoneOfGooglesFieldsEvenWithATrace() throws Exception {
    for (Provider provider : List.of(Provider.AWS, Provider.AZURE, Provider.LOCAL)) {
      lines.clear();
      log(provider).error("failed", new IllegalStateException("boom"));
      log(provider).error("declined", null);

      JsonNode line = STRICT.readTree(lines.get(0));
      assertThat(line.get("level").asText()).isEqualTo("ERROR");
      assertThat(line.get("stackTrace").asText()).startsWith("java.lang.IllegalStateException");
      assertThat(line.has("severity")).isFalse();
      assertThat(line.has("stack_trace")).isFalse();
      assertThat(line.has("logging.googleapis.com/trace")).isFalse();
      assertThat(STRICT.readTree(lines.get(1)).has("@type")).isFalse();
    }
  }

  @Test
  void aCallersKeyNamedLikeAGoogleFieldGetsAnUnderscoreOnEveryProvider() throws Exception {
    for (JsonLineLog l : List.of(google, log)) {
      lines.clear();
      l.error(
          "failed",
          null,
          "severity",
          "DEBUG",
          "logging.googleapis.com/trace",
          "projects/x/traces/y",
          "logging.googleapis.com/spanId",
          "1",
          "stack_trace",
          "fake",
          "@type",
          "t");

      JsonNode line = STRICT.readTree(lines.get(0)); // throws on a duplicate key
      assertThat(line.get("_severity").asText()).isEqualTo("DEBUG");
      assertThat(line.get("_logging.googleapis.com/trace").asText())
          .isEqualTo("projects/x/traces/y");
      assertThat(line.get("_logging.googleapis.com/spanId").asText()).isEqualTo("1");
      assertThat(line.get("_stack_trace").asText()).isEqualTo("fake");
      assertThat(line.get("_@type").asText()).isEqualTo("t");
    }
    assertThat(STRICT.readTree(lines.get(0)).has("severity")).isFalse();
  }

  @Test
  void onGoogleALineOverSixteenKilobytesStaysJsonWithItsSeverityAndStackTrace() throws Exception {
    String quoted = "\"\\\u0001".repeat(6_000);
    google.error(quoted, new IllegalStateException(quoted), "field", quoted);

    String text = lines.get(0);
    assertThat(text.length()).isLessThanOrEqualTo(16 * 1024);
    JsonNode line = STRICT.readTree(text);
    assertThat(line.get("severity").asText()).isEqualTo("ERROR");
    assertThat(line.get("logging.googleapis.com/trace").asText()).isEqualTo(TRACE);
    assertThat(line.get("stack_trace").asText())
        .startsWith("java.lang.IllegalStateException: ")
        .contains("\tat dev.anyfn.core.JsonLineLogTest");
  }
}
