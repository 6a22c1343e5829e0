package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.RuntimeSettings;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The streaming fast path reads exactly what the tree path reads, and leaves everything it cannot
 * take exactly to the tree path.
 */
class HttpApiEventReaderTest {
  private final HttpApiEventReader reader = new HttpApiEventReader(RuntimeSettings.defaults());

  private static byte[] bytes(JsonNode event) throws Exception {
    return Lambda.JSON.writeValueAsBytes(event);
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @ValueSource(strings = {"http-api-v2.json", "function-url.json"})
  void payloadV2EventsAreReadAsTheTreePathReadsThem(String name) throws Exception {
    ObjectNode event = Lambda.event(name);

    HttpApiEventReader.Recognised read = reader.read(bytes(event));

    assertThat(read).isNotNull();
    assertThat(read.source()).isEqualTo(EventSource.of(event));
    assertThat(read.event()).isEqualTo(HttpApiEvent.of(event));
  }

  @Test
  void aNamedStageBodyAndBase64FlagAreReadAsTheTreePathReadsThem() throws Exception {
    ObjectNode event = Lambda.event("http-api-v2.json");
    event.put("body", "aGVsbG8=").put("isBase64Encoded", true);
    ((ObjectNode) event.get("requestContext")).put("stage", "prod");
    ((ObjectNode) event.get("headers")).putNull("x-null");

    HttpApiEventReader.Recognised read = reader.read(bytes(event));

    assertThat(read.event()).isEqualTo(HttpApiEvent.of(event));
    assertThat(read.event().stage()).isEqualTo("prod");
    assertThat(read.event().base64()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "rest-api-v1.json",
        "alb-single.json",
        "alb-multi.json",
        "sqs.json",
        "sns.json",
        "s3-put.json",
        "dynamodb.json",
        "kinesis.json",
        "eventbridge-custom.json",
        "scheduled-event.json"
      })
  void otherSourcesAreLeftToTheTreePath(String name) throws Exception {
    assertThat(reader.read(bytes(Lambda.event(name)))).isNull();
  }

  @Test
  void aDuplicateKeyAnywhereIsLeftToTheTreePathThatRejectsIt() {
    String event = new String(bytesOf("http-api-v2.json"), StandardCharsets.UTF_8);
    String duplicateInSkippedObject =
        event.replace("\"apiId\": \"abc123\",", "\"apiId\": \"abc123\", \"apiId\": \"x\",");
    String duplicateHeader =
        event.replace("\"accept\": \"*/*\",", "\"accept\": \"*/*\", \"accept\": \"a\",");

    assertThat(duplicateInSkippedObject).isNotEqualTo(event);
    assertThat(reader.read(bytes(duplicateInSkippedObject))).isNull();
    assertThat(reader.read(bytes(duplicateHeader))).isNull();
  }

  @Test
  void fieldsOfUnexpectedTypesAreLeftToTheTreePath() throws Exception {
    ObjectNode numericHeader = Lambda.event("http-api-v2.json");
    ((ObjectNode) numericHeader.get("headers")).put("x-number", 7);
    ObjectNode nullMethod = Lambda.event("http-api-v2.json");
    ((ObjectNode) nullMethod.at("/requestContext/http")).putNull("method");
    ObjectNode textFlag = Lambda.event("http-api-v2.json");
    textFlag.put("isBase64Encoded", "true");
    ObjectNode websocket = Lambda.event("http-api-v2.json");
    ((ObjectNode) websocket.get("requestContext")).put("connectionId", "c-1");
    ObjectNode records = Lambda.event("http-api-v2.json");
    records.putArray("Records");

    for (ObjectNode event : new ObjectNode[] {numericHeader, nullMethod, textFlag, websocket}) {
      assertThat(reader.read(bytes(event))).as(event.toString()).isNull();
    }
    assertThat(reader.read(bytes(records))).isNull();
  }

  @Test
  void aVersionOtherThanTwoIsLeftToTheTreePath() throws Exception {
    ObjectNode event = Lambda.event("http-api-v2.json");
    event.put("version", "1.0");
    assertThat(reader.read(bytes(event))).isNull();
  }

  @Test
  void trailingDataAndNonObjectsAreLeftToTheTreePath() throws Exception {
    byte[] event = bytes(Lambda.event("http-api-v2.json"));
    byte[] trailing = new byte[event.length + 2];
    System.arraycopy(event, 0, trailing, 0, event.length);
    trailing[event.length] = ' ';
    trailing[event.length + 1] = '1';

    assertThat(reader.read(trailing)).isNull();
    assertThat(reader.read(bytes("[1,2]"))).isNull();
    assertThat(reader.read(bytes("not json"))).isNull();
    assertThat(reader.read(new byte[0])).isNull();
  }

  @Test
  void anObjectWithMoreFieldsThanTheFastPathChecksIsLeftToTheTreePath() throws Exception {
    ObjectNode event = Lambda.event("http-api-v2.json");
    ObjectNode headers = (ObjectNode) event.get("headers");
    for (int i = 0; headers.size() <= HttpApiEventReader.MAX_FAST_FIELDS; i++) {
      headers.put("x-h" + i, "v");
    }

    assertThat(reader.read(bytes(event))).isNull();
  }

  private static byte[] bytesOf(String name) {
    try (var in = HttpApiEventReaderTest.class.getResourceAsStream("/events/" + name)) {
      return in.readAllBytes();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
