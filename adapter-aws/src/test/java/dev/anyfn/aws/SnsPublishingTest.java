package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.anyfn.core.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK's real client publishes what handlers gave {@code Context.publish} to a local SNS, which
 * it speaks to in the AWS Query protocol.
 */
class SnsPublishingTest {
  private static final String EVENTS = "arn:aws:sns:eu-west-3:123456789012:order-events";
  private static final Map<String, String> ENVIRONMENT =
      Map.of(
          "AWS_REGION",
          "eu-west-3",
          "ANYFN_TOPIC_ARN_ORDER_EVENTS",
          EVENTS,
          "ANYFN_QUEUE_URL_ORDERS",
          "https://sqs.eu-west-3.amazonaws.com/123456789012/orders");

  private FakeSns sns;
  private FakeSqs sqs;
  private final List<String> connects = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sns = FakeSns.start();
    sqs = FakeSqs.start();
  }

  @AfterEach
  void stop() {
    sns.close();
    sqs.close();
  }

  private AwsMessageSender sender(Map<String, String> environment) {
    return new AwsMessageSender(
        "api",
        environment,
        region -> {
          connects.add("sqs " + region);
          return new SqsBatches(sqs.client());
        },
        region -> {
          connects.add("sns " + region);
          return new SnsBatches(sns.client());
        });
  }

  private static List<String> messages(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "m" + i).toList();
  }

  private List<List<String>> messagesByRequest() {
    return sns.requests().stream().map(FakeSns.Request::messages).toList();
  }

  @Test
  void messagesGoInPublishBatchRequestsOfAtMostTenToTheTopicArnInTheOrderGiven() throws Exception {
    sender(ENVIRONMENT).publish("order-events", messages(23));

    assertThat(messagesByRequest())
        .containsExactly(
            messages(23).subList(0, 10),
            messages(23).subList(10, 20),
            messages(23).subList(20, 23));
    assertThat(sns.requests())
        .allSatisfy(
            r -> {
              assertThat(r.action()).isEqualTo("PublishBatch");
              assertThat(r.topicArn()).isEqualTo(EVENTS);
            });
    assertThat(sns.requests().get(1).ids())
        .containsExactly("10", "11", "12", "13", "14", "15", "16", "17", "18", "19");
  }

  @Test
  void aMessageArrivesAsGivenWhateverCharactersTheFormMustEscape() throws Exception {
    String json = "{\"note\":\"a&b=c+d %20 é € 😀\\n\",\"tags\":[\"<x>\"]}";

    sender(ENVIRONMENT).publish("order-events", List.of(json, "line one\nline two"));

    assertThat(messagesByRequest()).containsExactly(List.of(json, "line one\nline two"));
  }

  @Test
  void aRequestCarriesAtMost256KibOfMessagesCountedInUtf8Bytes() throws Exception {
    String accents = "é".repeat(65_536); // 131,072 bytes in UTF-8, half as many characters
    String plain = "a".repeat(131_072);

    sender(ENVIRONMENT).publish("order-events", List.of(accents, plain, "b"));

    // 262,144 bytes exactly fill the first request; one byte more starts the next
    assertThat(messagesByRequest()).containsExactly(List.of(accents, plain), List.of("b"));
  }

  @Test
  void anEntrySnsDidNotTakeIsAnExceptionNamingTheTopicItsCodeAndMessageAndNoLaterRequestIsMade() {
    sns.refuse("m13");

    assertThatThrownBy(() -> sender(ENVIRONMENT).publish("order-events", messages(25)))
        .isInstanceOf(MessagesRefusedException.class)
        .hasMessage(
            "SNS did not take 1 of 25 messages published to topic 'order-events' ("
                + EVENTS
                + "); the other 9 of its PublishBatch request and the 10 before were taken, the 5"
                + " after were not published. Message 13: InternalError (SNS's fault): We"
                + " encountered an internal error. Please try again.");
    assertThat(messagesByRequest())
        .containsExactly(messages(25).subList(0, 10), messages(25).subList(10, 20));
  }

  @Test
  void aTopicWithoutItsArnVariableIsAConfigurationErrorNamingTheVariableAndTheTemplate() {
    assertThatThrownBy(() -> sender(ENVIRONMENT).publish("price-changes", List.of("m1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function 'api' publishes to topic 'price-changes', but the environment variable"
                + " ANYFN_TOPIC_ARN_PRICE_CHANGES that holds the topic's ARN is not set. Deploy the"
                + " function with the template.yaml written by anyfn:package, which creates the"
                + " topic and sets the variable.");
    assertThat(sns.requests()).isEmpty();
  }

  @Test
  void theArnVariableIsTheTopicNameInUpperCaseWithAnUnderscoreForEveryOtherCharacter() {
    assertThat(MessagingService.SNS.variable("order-events"))
        .isEqualTo("ANYFN_TOPIC_ARN_ORDER_EVENTS");
    assertThat(MessagingService.SNS.variable("Price_changes-2"))
        .isEqualTo("ANYFN_TOPIC_ARN_PRICE_CHANGES_2");
  }

  @Test
  void eachServicesClientIsMadeOnItsOwnFirstUseOnly() throws Exception {
    AwsMessageSender sender = sender(ENVIRONMENT);

    sender.send("orders", List.of("q1"));
    assertThat(connects).containsExactly("sqs eu-west-3");
    sender.publish("order-events", List.of("t1"));
    sender.publish("order-events", List.of("t2"));
    sender.send("orders", List.of("q2"));

    assertThat(connects).containsExactly("sqs eu-west-3", "sns eu-west-3");
    assertThat(messagesByRequest()).containsExactly(List.of("t1"), List.of("t2"));
    assertThat(sqs.requests()).extracting(FakeSqs.Request::bodies).hasSize(2);
  }

  @Test
  void withoutAwsRegionPublishingSaysWhichVariableIsMissing() {
    assertThatThrownBy(
            () ->
                sender(Map.of("ANYFN_TOPIC_ARN_ORDER_EVENTS", EVENTS))
                    .publish("order-events", List.of("m1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function 'api' cannot publish to SNS: the environment variable AWS_REGION is not"
                + " set. Lambda sets it; elsewhere, set it to the topics' region.");
    assertThat(connects).isEmpty();
  }

  @Test
  void aTopicMessageMayHaveSnsLimitOf256Kib() {
    assertThat(sender(ENVIRONMENT).maxTopicMessageBytes()).isEqualTo(262_144);
  }
}
