package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Run by {@link SendingWithoutTheSdkTest} in a class loader without the AWS SDK: serves the sending
 * function as deployed, and tries a send and a publish. Answers a transcript of JDK types only.
 */
public final class WithoutSdkDriver implements Supplier<List<String>> {
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "ANYFN_FUNCTION",
          "sending",
          "AWS_REGION",
          "eu-west-3",
          "ANYFN_QUEUE_URL_ORDERS",
          "https://sqs.eu-west-3.amazonaws.com/123456789012/orders",
          "ANYFN_TOPIC_ARN_ORDER_EVENTS",
          "arn:aws:sns:eu-west-3:123456789012:order-events");

  /** Made by reflection. */
  public WithoutSdkDriver() {}

  @Override
  public List<String> get() {
    List<String> transcript = new ArrayList<>();
    Lambda lambda = new Lambda(ENVIRONMENT);
    transcript.add(answer(lambda.callJson(request("GET", "/sending/ping"))));
    transcript.add(answer(lambda.callJson(request("POST", "/orders"))));
    transcript.add(answer(lambda.callJson(request("POST", "/events"))));
    AwsMessageSender sender =
        new AwsMessageSender(
            "sending",
            ENVIRONMENT,
            region -> SqsBatches.connect(region),
            region -> SnsBatches.connect(region));
    try {
      sender.send("orders", List.of("o-1"));
      transcript.add("sent");
    } catch (Exception e) {
      transcript.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    try {
      sender.publish("order-events", List.of("o-1"));
      transcript.add("published");
    } catch (Exception e) {
      transcript.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return transcript;
  }

  private static ObjectNode request(String method, String path) {
    ObjectNode e = Lambda.event("http-api-v2.json");
    e.put("rawPath", path).put("rawQueryString", "").put("body", "o-1");
    e.remove("queryStringParameters");
    e.withObjectProperty("headers").put("content-type", "text/plain");
    e.withObjectProperty("requestContext").withObjectProperty("http").put("method", method);
    return e;
  }

  private static String answer(JsonNode answer) {
    return answer.get("statusCode").asInt() + " " + answer.get("body").asText();
  }
}
