package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.aws.fixtures.ShopFunction;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A stage deployed with {@code NamePrefix=dev-} has queues, topics, buckets and tables named {@code
 * dev-orders}, ...; its events reach the handlers of {@code @OnQueue("orders")}, ..., which see the
 * names of their annotations.
 */
class NamePrefixTest {
  private final Lambda dev =
      new Lambda(Map.of("ANYFN_FUNCTION", "shop", "ANYFN_NAME_PREFIX", "dev-"));

  private static List<String> failures(JsonNode answer) {
    List<String> ids = new ArrayList<>();
    answer.get("batchItemFailures").forEach(f -> ids.add(f.get("itemIdentifier").asText()));
    return ids;
  }

  private static ObjectNode sqsFrom(String queue) {
    ObjectNode e = Lambda.event("sqs.json");
    e.withArray("Records")
        .forEach(
            r ->
                ((ObjectNode) r)
                    .put("eventSourceARN", "arn:aws:sqs:us-east-2:123456789012:" + queue));
    return e;
  }

  @BeforeEach
  void forget() {
    ShopFunction.NAMES_SEEN.clear();
  }

  @Test
  void anSqsBatchFromThePrefixedQueueReachesTheHandlerOfTheAnnotationsQueue() {
    assertThat(failures(dev.callJson(sqsFrom("dev-orders"))))
        .containsExactly("msg-retry", "msg-not-json");

    ObjectNode clicks = sqsFrom("dev-clicks");
    clicks.withArray("Records").forEach(r -> ((ObjectNode) r).put("body", "click"));
    assertThat(failures(dev.callJson(clicks))).isEmpty();
    assertThat(ShopFunction.NAMES_SEEN).isNotEmpty().containsOnly("clicks");
  }

  @Test
  void withoutThePrefixInTheEnvironmentAPrefixedQueueMatchesNoTrigger() {
    Lambda plain = new Lambda("shop");

    assertThatThrownBy(() -> plain.callJson(sqsFrom("dev-orders")))
        .hasMessageContaining("dev-orders");
  }

  @Test
  void snsS3DynamoDbAndEventBridgeEventsFromPrefixedResourcesReachTheirHandlers() {
    ObjectNode sns = Lambda.event("sns.json");
    ((ObjectNode) sns.withArray("Records").get(0).get("Sns"))
        .put("TopicArn", "arn:aws:sns:us-east-2:123456789012:dev-alerts");
    assertThat(dev.callText(sns.toString())).isEmpty();

    ObjectNode s3 = Lambda.event("s3-put.json");
    ObjectNode bucket = (ObjectNode) s3.withArray("Records").get(0).get("s3").get("bucket");
    bucket.put("name", "dev-uploads").put("arn", "arn:aws:s3:::dev-uploads");
    assertThat(dev.callText(s3.toString())).isEmpty();

    ObjectNode dynamo = Lambda.event("dynamodb.json");
    dynamo
        .withArray("Records")
        .forEach(
            r ->
                ((ObjectNode) r)
                    .put(
                        "eventSourceARN",
                        "arn:aws:dynamodb:us-east-1:123456789012:table/dev-users/stream/2015-06-27T00:48:05.899"));
    List<String> failed = failures(dev.callJson(dynamo));
    assertThat(failed)
        .isEqualTo(failures(new Lambda("shop").callJson(Lambda.event("dynamodb.json"))));

    ObjectNode custom = Lambda.event("eventbridge-custom.json").put("source", "dev-alerts");
    assertThat(dev.callText(custom.toString())).isEmpty();

    assertThat(ShopFunction.NAMES_SEEN)
        .contains("alerts", "uploads", "users")
        .noneMatch(name -> name.startsWith("dev-"));
  }

  @Test
  void aResourceNotNamedWithThePrefixKeepsItsName() {
    // a queue the deployment did not create, subscribed by hand under its plain name
    assertThat(failures(dev.callJson(sqsFrom("orders"))))
        .containsExactly("msg-retry", "msg-not-json");
  }
}
