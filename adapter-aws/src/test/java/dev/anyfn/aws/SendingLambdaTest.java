package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A function with {@code @SendsTo} deployed by the template (stage {@code dev-}): what its handlers
 * send reaches SQS, at the URL of the template's variable, and what they publish reaches SNS, at
 * the ARN of the template's variable, once the handler returned; nothing when it threw.
 */
class SendingLambdaTest {
  private static final String ORDERS =
      "https://sqs.eu-west-3.amazonaws.com/123456789012/dev-orders";
  private static final String POISON =
      "https://sqs.eu-west-3.amazonaws.com/123456789012/dev-orders-poison";
  private static final String ORDER_EVENTS = "arn:aws:sns:eu-west-3:123456789012:dev-order-events";

  private FakeSqs sqs;
  private FakeSns sns;
  private Lambda lambda;

  @BeforeEach
  void deploy() throws Exception {
    sqs = FakeSqs.start();
    sns = FakeSns.start();
    Map<String, String> environment =
        Map.of(
            "ANYFN_FUNCTION",
            "sending",
            "ANYFN_NAME_PREFIX",
            "dev-",
            "AWS_REGION",
            "eu-west-3",
            "ANYFN_QUEUE_URL_ORDERS",
            ORDERS,
            "ANYFN_QUEUE_URL_ORDERS_POISON",
            POISON,
            "ANYFN_TOPIC_ARN_ORDER_EVENTS",
            ORDER_EVENTS);
    lambda =
        new Lambda(
            new LambdaHandler(
                environment,
                Lambda.class.getClassLoader(),
                region -> new SqsBatches(sqs.client()),
                region -> new SnsBatches(sns.client())));
  }

  @AfterEach
  void stop() {
    sqs.close();
    sns.close();
  }

  private static ObjectNode post(String body) {
    return post("/orders", body);
  }

  private static ObjectNode post(String path, String body) {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", path).put("rawQueryString", "").put("body", body);
    e.remove("queryStringParameters");
    e.withObjectProperty("headers").put("content-type", "text/plain");
    e.withObjectProperty("requestContext").withObjectProperty("http").put("method", "POST");
    return e;
  }

  private static ObjectNode fromIncoming(String... bodies) {
    ObjectNode e = Lambda.event("sqs.json");
    ObjectNode template = (ObjectNode) e.withArray("Records").get(0);
    e.putArray("Records");
    for (int i = 0; i < bodies.length; i++) {
      e.withArray("Records")
          .add(
              template
                  .deepCopy()
                  .put("messageId", "msg-" + bodies[i])
                  .put("body", bodies[i])
                  .put("eventSourceARN", "arn:aws:sqs:eu-west-3:123456789012:dev-incoming"));
    }
    return e;
  }

  private static List<String> failures(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
    return ids;
  }

  private List<String> sent() {
    return sqs.requests().stream().map(r -> r.queueUrl() + " " + r.bodies()).toList();
  }

  private List<String> published() {
    return sns.requests().stream().map(r -> r.topicArn() + " " + r.messages()).toList();
  }

  /** The SNS notification Lambda gets from a subscription to the topic of {@code request}. */
  private static ObjectNode delivered(FakeSns.Request request) {
    ObjectNode e = Lambda.event("sns.json");
    ObjectNode sns = ((ObjectNode) e.withArray("Records").get(0)).withObjectProperty("Sns");
    sns.put("TopicArn", request.topicArn()).put("Message", request.messages().get(0));
    sns.remove("MessageAttributes");
    sns.remove("Subject");
    return e;
  }

  @Test
  void whatAnHttpHandlerSendsReachesTheQueueOfItsVariableOnceItAnswered() {
    JsonNode answer = lambda.callJson(post("o-1"));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.get("body").asText()).isEqualTo("ordered");
    assertThat(sent()).containsExactly(ORDERS + " [o-1]");
  }

  @Test
  void anHttpHandlerThatThrowsAfterSendingSendsNothing() {
    lambda.callJson(post("o-1"));

    JsonNode answer = lambda.callJson(post("o-2 fail"));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(500);
    assertThat(sent()).containsExactly(ORDERS + " [o-1]");
  }

  @Test
  void aMessageSqsDoesNotTakeMakesTheHttpCallA500() {
    sqs.refuse("o-2");

    JsonNode answer = lambda.callJson(post("o-2"));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(500);
    assertThat(answer.get("body").asText()).contains("\"requestId\":\"req-1\"");
    assertThat(sqs.requests()).hasSize(1);
  }

  @Test
  void eachQueueMessageSendsWhenItsHandlerReturnedAndOneThatFailedSendsNothing() {
    JsonNode answer = lambda.callJson(fromIncoming("a", "boom", "b"));

    assertThat(failures(answer)).containsExactly("msg-boom");
    assertThat(sent()).containsExactly(POISON + " [a]", POISON + " [b]");
  }

  @Test
  void aQueueMessageWhoseSendSqsDoesNotTakeIsAFailedItemToRetry() {
    sqs.refuse("b");

    JsonNode answer = lambda.callJson(fromIncoming("a", "b"));

    assertThat(failures(answer)).containsExactly("msg-b");
    assertThat(sent()).containsExactly(POISON + " [a]", POISON + " [b]");
  }

  @Test
  void whatAnHttpHandlerPublishesReachesTheTopicOfItsVariableOnceItAnswered() {
    JsonNode answer = lambda.callJson(post("/events", "{\"order\":\"o-1\"}"));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(200);
    assertThat(answer.get("body").asText()).isEqualTo("published");
    assertThat(published()).containsExactly(ORDER_EVENTS + " [{\"order\":\"o-1\"}]");
    assertThat(sent()).isEmpty();
  }

  @Test
  void anHttpHandlerThatThrowsAfterPublishingPublishesNothing() {
    lambda.callJson(post("/events", "e-1"));

    JsonNode answer = lambda.callJson(post("/events", "e-2 fail"));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(500);
    assertThat(published()).containsExactly(ORDER_EVENTS + " [e-1]");
  }

  @Test
  void aMessageSnsDoesNotTakeMakesTheHttpCallA500() {
    sns.refuse("e-2");

    JsonNode answer = lambda.callJson(post("/events", "e-2"));

    assertThat(answer.get("statusCode").asInt()).isEqualTo(500);
    assertThat(answer.get("body").asText()).contains("\"requestId\":\"req-1\"");
    assertThat(sns.requests()).hasSize(1);
  }

  @Test
  void aPublishedMessageReachesTheOnTopicHandlerOfItsTopicUnderTheAnnotationsName() {
    lambda.callJson(post("/events", "e-1 é&x=1"));

    lambda.callJson(delivered(sns.requests().get(0)));

    assertThat(sent()).containsExactly(ORDERS + " [from order-events: e-1 é&x=1]");
  }
}
