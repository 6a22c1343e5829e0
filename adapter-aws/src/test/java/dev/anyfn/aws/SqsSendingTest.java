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

/** The SDK's real client sends what handlers gave {@code Context.send} to a local SQS. */
class SqsSendingTest {
  private static final String ORDERS = "https://sqs.eu-west-3.amazonaws.com/123456789012/orders";
  private static final Map<String, String> ENVIRONMENT =
      Map.of("AWS_REGION", "eu-west-3", "ANYFN_QUEUE_URL_ORDERS", ORDERS);

  private FakeSqs sqs;
  private final List<String> connects = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    sqs = FakeSqs.start();
  }

  @AfterEach
  void stop() {
    sqs.close();
  }

  private AwsMessageSender sender(Map<String, String> environment) {
    return new AwsMessageSender(
        "api",
        environment,
        region -> {
          connects.add(region);
          return new SqsBatches(sqs.client());
        },
        region -> {
          throw new AssertionError("SNS connected for a send");
        });
  }

  private static List<String> messages(int count) {
    return IntStream.rangeClosed(1, count).mapToObj(i -> "m" + i).toList();
  }

  private List<List<String>> bodiesByRequest() {
    return sqs.requests().stream().map(FakeSqs.Request::bodies).toList();
  }

  @Test
  void messagesGoInSendMessageBatchRequestsOfAtMostTenInTheOrderGiven() throws Exception {
    sender(ENVIRONMENT).send("orders", messages(23));

    assertThat(bodiesByRequest())
        .containsExactly(
            messages(23).subList(0, 10),
            messages(23).subList(10, 20),
            messages(23).subList(20, 23));
    assertThat(sqs.requests())
        .allSatisfy(
            r -> {
              assertThat(r.target()).isEqualTo("AmazonSQS.SendMessageBatch");
              assertThat(r.queueUrl()).isEqualTo(ORDERS);
            });
  }

  @Test
  void aRequestCarriesAtMost256KibOfBodiesCountedInUtf8Bytes() throws Exception {
    String accents = "é".repeat(65_536); // 131,072 bytes in UTF-8, half as many characters
    String plain = "a".repeat(131_072);

    sender(ENVIRONMENT).send("orders", List.of(accents, plain, "b"));

    // 262,144 bytes exactly fill the first request; one byte more starts the next
    assertThat(bodiesByRequest()).containsExactly(List.of(accents, plain), List.of("b"));
  }

  @Test
  void anEntrySqsDidNotTakeIsAnExceptionNamingTheQueueItsCodeAndMessageAndNoLaterRequestIsMade() {
    sqs.refuse("m13");

    assertThatThrownBy(() -> sender(ENVIRONMENT).send("orders", messages(25)))
        .isInstanceOf(MessagesRefusedException.class)
        .hasMessage(
            "SQS did not take 1 of 25 messages sent to queue 'orders' ("
                + ORDERS
                + "); the other 9 of its SendMessageBatch request and the 10 before were taken,"
                + " the 5 after were not sent. Message 13: InternalError (SQS's fault): We"
                + " encountered an internal error. Please try again.");
    assertThat(bodiesByRequest())
        .containsExactly(messages(25).subList(0, 10), messages(25).subList(10, 20));
  }

  @Test
  void aQueueWithoutItsUrlVariableIsAConfigurationErrorNamingTheVariableAndTheTemplate() {
    assertThatThrownBy(() -> sender(ENVIRONMENT).send("orders-poison", List.of("m1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function 'api' sends to queue 'orders-poison', but the environment variable"
                + " ANYFN_QUEUE_URL_ORDERS_POISON that holds the queue's URL is not set. Deploy the"
                + " function with the template.yaml written by anyfn:package, which creates the"
                + " queue and sets the variable.");
    assertThat(sqs.requests()).isEmpty();
  }

  @Test
  void theUrlVariableIsTheQueueNameInUpperCaseWithAnUnderscoreForEveryOtherCharacter() {
    assertThat(MessagingService.SQS.variable("orders-poison"))
        .isEqualTo("ANYFN_QUEUE_URL_ORDERS_POISON");
    assertThat(MessagingService.SQS.variable("Audit_log-2"))
        .isEqualTo("ANYFN_QUEUE_URL_AUDIT_LOG_2");
  }

  @Test
  void theClientIsMadeOnTheFirstSendOnlyForTheRegionOfTheEnvironment() throws Exception {
    AwsMessageSender sender = sender(ENVIRONMENT);
    assertThat(connects).isEmpty();

    sender.send("orders", List.of("m1"));
    sender.send("orders", List.of("m2"));

    assertThat(connects).containsExactly("eu-west-3");
    assertThat(bodiesByRequest()).containsExactly(List.of("m1"), List.of("m2"));
  }

  @Test
  void withoutAwsRegionSendingSaysWhichVariableIsMissing() {
    assertThatThrownBy(
            () -> sender(Map.of("ANYFN_QUEUE_URL_ORDERS", ORDERS)).send("orders", List.of("m1")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessage(
            "Function 'api' cannot send to SQS: the environment variable AWS_REGION is not set."
                + " Lambda sets it; elsewhere, set it to the queues' region.");
    assertThat(connects).isEmpty();
  }

  @Test
  void aMessageMayHaveSqsLongStandingLimitOf256Kib() {
    assertThat(sender(ENVIRONMENT).maxMessageBytes()).isEqualTo(262_144);
  }
}
