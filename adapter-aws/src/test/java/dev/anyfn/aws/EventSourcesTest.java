package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.index.TriggerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventSourcesTest {
  private final Lambda lambda = new Lambda("shop");

  private static List<String> failures(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
    return ids;
  }

  @Test
  void sqsReportsOnlyTheFailedAndTheUnbindableMessagesByMessageId() {
    JsonNode r = lambda.callJson(Lambda.event("sqs.json"));
    assertThat(failures(r)).containsExactly("msg-retry", "msg-not-json");
  }

  @Test
  void sqsFifoBatchStopsAtTheFirstFailureAndReportsEveryMessageAfterIt() {
    ObjectNode standard = Lambda.event("sqs.json");
    standard.withArray("Records").remove(2);
    standard.withArray("Records").insert(0, standard.withArray("Records").remove(1));
    // Standard queue: the failed message only; the message after it was handled.
    assertThat(failures(lambda.callJson(standard))).containsExactly("msg-retry");
    ObjectNode fifo = standard.deepCopy();
    fifo.withArray("Records")
        .forEach(
            r ->
                ((ObjectNode) r)
                    .put("eventSourceARN", "arn:aws:sqs:us-east-2:123456789012:payments.fifo"));
    assertThat(failures(lambda.callJson(fifo))).containsExactly("msg-retry", "msg-ok");
  }

  @Test
  void dynamoDbRecordAfterAnUntranslatableOneIsNotDelivered() {
    ObjectNode e = Lambda.event("dynamodb.json");
    e.withArray("Records").insert(0, e.withArray("Records").remove(2));
    assertThat(failures(lambda.callJson(e))).containsExactly("333", "111", "222");
  }

  @Test
  void sqsBatchWhereEverythingSucceedsAnswersAnEmptyFailureList() {
    ObjectNode e = Lambda.event("sqs.json");
    e.withArray("Records").remove(2);
    e.withArray("Records").remove(1);
    assertThat(lambda.callJson(e).toString()).isEqualTo("{\"batchItemFailures\":[]}");
  }

  @Test
  void snsSuccessIsAcknowledgedAndFailureIsThrownForLambdaToRetry() {
    assertThat(lambda.callText(Lambda.event("sns.json").toString())).isEmpty();
    ObjectNode e = Lambda.event("sns.json");
    ((ObjectNode) e.withArray("Records").get(0).get("Sns")).put("Message", "fail now");
    assertThatThrownBy(() -> lambda.callJson(e))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageContaining("1 of 1 events of an SNS notification failed in function 'shop'")
        .hasMessageContaining(
            "Lambda will retry them. Failed: [95df01b4-ee98-5cb9-9903-4c221d41eb5e]");
  }

  @Test
  void s3KeyIsUrlDecodedWithPlusAsSpace() {
    assertThat(lambda.callText(Lambda.event("s3-put.json").toString())).isEmpty();
    ObjectNode e = Lambda.event("s3-put.json");
    ObjectNode object = (ObjectNode) e.withArray("Records").get(0).get("s3").get("object");
    object.put("key", "fail+this%21.txt");
    assertThatThrownBy(() -> lambda.callJson(e))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageContaining("Failed: [uploads/fail this!.txt/0A1B2C3D4E5F678901]");
  }

  @Test
  void s3ObjectRemovedIsDeliveredAsDeleted() {
    ObjectNode e = Lambda.event("s3-put.json");
    ((ObjectNode) e.withArray("Records").get(0)).put("eventName", "ObjectRemoved:Delete");
    ((ObjectNode) e.withArray("Records").get(0).get("s3").get("object")).put("key", "fail-gone");
    // The handler fails for keys starting with "fail": reaching it proves DELETED is delivered.
    assertThatThrownBy(() -> lambda.callJson(e)).isInstanceOf(FunctionFailedException.class);
  }

  @Test
  void s3EventOtherThanCreatedOrRemovedIsRejectedByName() {
    ObjectNode e = Lambda.event("s3-put.json");
    ((ObjectNode) e.withArray("Records").get(0)).put("eventName", "ObjectRestore:Completed");
    assertThatThrownBy(() -> lambda.callJson(e))
        .isInstanceOf(BadEventException.class)
        .hasMessage(
            "The S3 event's Records[0].eventName is 'ObjectRestore:Completed'; anyfn takes only"
                + " ObjectCreated:*, ObjectRemoved:* and LifecycleExpiration:* notifications."
                + " Limit the bucket's notification configuration to those events.");
  }

  @Test
  void scheduledEventBecomesScheduleEventWithItsTime() {
    ObjectNode e = Lambda.event("scheduled-event.json");
    e.put("time", "2024-05-01T10:00:00Z");
    assertThat(lambda.callText(e.toString())).isEmpty();
    // At the epoch the fixture throws: the scheduled time is passed through.
    assertThatThrownBy(() -> lambda.callJson(Lambda.event("scheduled-event.json")))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageContaining("an EventBridge Scheduled Event failed");
  }

  @Test
  void theSchedulerInputOfTheSamTemplateReachesTheScheduleHandlerWithTheScheduledTime()
      throws Exception {
    String fired = schedulerFiring("2024-05-01T10:00:00Z");

    assertThat(EventSource.of(Lambda.JSON.readTree(fired))).isEqualTo(EventSource.SCHEDULED_EVENT);
    assertThat(lambda.callText(fired)).isEmpty();
    // At the epoch the fixture throws: the scheduled time is passed through.
    assertThatThrownBy(() -> lambda.callText(schedulerFiring("1970-01-01T00:00:00Z")))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageContaining("an EventBridge Scheduled Event failed");
  }

  /** The template's Input for the shop's schedule, as EventBridge Scheduler completes it. */
  private static String schedulerFiring(String scheduledTime) {
    return SeveralHandlersOfOneKindTest.fired(
        new TriggerSpec.Schedule("", "5m", 300, "UTC"), scheduledTime);
  }

  @Test
  void customEventBridgeEventReachesTheTopicNamedByItsSource() {
    assertThat(lambda.callText(Lambda.event("eventbridge-custom.json").toString())).isEmpty();
    ObjectNode e = Lambda.event("eventbridge-custom.json");
    e.withObjectProperty("detail").put("note", "fail");
    assertThatThrownBy(() -> lambda.callJson(e))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageContaining("an EventBridge event failed");
  }

  @Test
  void dynamoDbFailuresAndUnexpectedAttributeTypesAreReportedBySequenceNumber() {
    JsonNode r = lambda.callJson(Lambda.event("dynamodb.json"));
    // Streams are ordered: the first failure stops the batch and is reported with the rest.
    assertThat(failures(r)).containsExactly("222", "333");
  }

  @Test
  void dynamoDbAttributeValuesBecomePlainJson() {
    JsonNode image =
        AttributeValues.item(
            Lambda.event("dynamodb.json").at("/Records/0/dynamodb/NewImage"), "NewImage");
    assertThat(image.toString())
        .isEqualTo(
            "{\"id\":\"u-1\",\"name\":\"Ann\",\"age\":41,\"tags\":[\"a\",\"b\"],"
                + "\"extra\":{\"ok\":true,\"none\":null}}");
    assertThatThrownBy(
            () ->
                AttributeValues.item(
                    Lambda.event("dynamodb.json").at("/Records/2/dynamodb/NewImage"), "NewImage"))
        .hasMessage(
            "NewImage.name has attribute type 'X'; expected one of S, N, B, BOOL, NULL, M, L, SS,"
                + " NS, BS.");
  }

  @Test
  void kinesisFailuresAndInvalidBase64DataAreReportedBySequenceNumber() {
    JsonNode r = lambda.callJson(Lambda.event("kinesis.json"));
    assertThat(failures(r))
        .containsExactly(
            "49590338271490256608559692540925702759324208523137515618",
            "49590338271490256608559692540925702759324208523137515619");
  }

  @Test
  void directInvocationAnswersTheHandlersJson() {
    assertThat(lambda.callText("{\"a\":1,\"b\":2}")).isEqualTo("{\"total\":3}");
  }

  @Test
  void directInvocationHandlerReturningNullAnswersJsonNull() {
    assertThat(lambda.callText("{\"a\":0,\"b\":2}")).isEqualTo("null");
  }

  @Test
  void directInvocationFailureIsThrownSoLambdaSeesAnError() {
    assertThatThrownBy(() -> lambda.callText("{\"a\":-1,\"b\":2}"))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageStartingWith(
            "handler_error: The function failed; see its logs for request req-");
    assertThatThrownBy(() -> lambda.callText("{\"a\":\"x\"}"))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageStartingWith("invalid_payload: ");
    // JSON that is not an event (a duplicate key) is still the direct invocation's to refuse
    assertThatThrownBy(() -> lambda.callText("{\"a\":1,\"a\":2,\"b\":2}"))
        .isInstanceOf(FunctionFailedException.class)
        .hasMessageStartingWith("invalid_payload: ")
        .hasMessageContaining("duplicate field");
  }

  @Test
  void recordBatchFromAnUnknownSourceIsRejectedNamingItAndTheTriggers() {
    String ses = "{\"Records\":[{\"eventSource\":\"aws:ses\",\"eventVersion\":\"1.0\"}]}";
    assertThatThrownBy(() -> new Lambda("web-only").callText(ses))
        .isInstanceOf(BadEventException.class)
        .hasMessage(
            "Lambda delivered a record batch whose Records[0].eventSource is 'aws:ses', and"
                + " function 'web-only' has no trigger for it; its triggers are: HTTP GET /ping."
                + " Connect this Lambda only to the event sources its triggers name.");
    // a function with @OnInvoke is not told it has none: a record batch is no raw payload
    assertThatThrownBy(() -> lambda.callText(ses))
        .isInstanceOf(BadEventException.class)
        .hasMessageContaining("has no trigger for it; its triggers are: ")
        .hasMessageContaining("INVOKE");
  }

  @Test
  void eventOfASourceTheFunctionHasNoTriggerForIsRejectedNamingTheTriggers() {
    assertThatThrownBy(() -> new Lambda("web-only").callJson(Lambda.event("sqs.json")))
        .isInstanceOf(BadEventException.class)
        .hasMessageStartingWith(
            "Lambda delivered an SQS message batch. Function 'web-only' has no trigger for QUEUE 'orders' events; its triggers are: HTTP GET /ping.");
    ObjectNode sqsForShop = Lambda.event("sqs.json");
    assertThat(lambda.callJson(sqsForShop).has("batchItemFailures")).isTrue();
  }

  @Test
  void httpRequestForAPathWithoutARouteIsA404Problem() {
    Lambda webOnly = new Lambda("web-only");
    assertThat(webOnly.callJson(Lambda.event("function-url.json")).get("statusCode").asInt())
        .isEqualTo(404);
  }

  @Test
  void unknownShapeWithoutAnInvokeHandlerIsRejected() {
    assertThatThrownBy(() -> new Lambda("web-only").callText("{\"hello\":\"world\"}"))
        .isInstanceOf(BadEventException.class)
        .hasMessageContaining("an event that is not from any AWS source anyfn recognises")
        .hasMessageContaining("function 'web-only' has no @OnInvoke handler");
  }

  @Test
  void missingFunctionVariableIsAConfigurationErrorSayingHowToFix() {
    assertThatThrownBy(() -> new LambdaHandler(Map.of(), getClass().getClassLoader()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "The environment variable ANYFN_FUNCTION is not set; it names the anyfn function this"
                + " Lambda serves. Deploy with the template.yaml written by anyfn:package, or set"
                + " ANYFN_FUNCTION in the function's environment.");
  }

  @Test
  void eventSourcesAreRecognisedByTheirDiscriminators() {
    assertThat(EventSource.of(Lambda.event("http-api-v2.json"))).isEqualTo(EventSource.HTTP_API_V2);
    assertThat(EventSource.of(Lambda.event("function-url.json")))
        .isEqualTo(EventSource.FUNCTION_URL);
    assertThat(EventSource.of(Lambda.event("rest-api-v1.json"))).isEqualTo(EventSource.REST_API_V1);
    assertThat(EventSource.of(Lambda.event("alb-multi.json"))).isEqualTo(EventSource.ALB);
    assertThat(EventSource.of(Lambda.event("sqs.json"))).isEqualTo(EventSource.SQS);
    assertThat(EventSource.of(Lambda.event("sns.json"))).isEqualTo(EventSource.SNS);
    assertThat(EventSource.of(Lambda.event("s3-put.json"))).isEqualTo(EventSource.S3);
    assertThat(EventSource.of(Lambda.event("dynamodb.json"))).isEqualTo(EventSource.DYNAMODB);
    assertThat(EventSource.of(Lambda.event("kinesis.json"))).isEqualTo(EventSource.KINESIS);
    assertThat(EventSource.of(Lambda.event("scheduled-event.json")))
        .isEqualTo(EventSource.SCHEDULED_EVENT);
    assertThat(EventSource.of(Lambda.event("eventbridge-custom.json")))
        .isEqualTo(EventSource.EVENTBRIDGE);
    // An object that merely has a "body" and "httpMethod" but no requestContext is raw.
    assertThat(EventSource.of(Lambda.JSON.createObjectNode().put("httpMethod", "GET")))
        .isEqualTo(EventSource.RAW);
  }
}
