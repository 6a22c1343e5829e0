package dev.anyfn.aws;

import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.MessageSender;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends what the handlers of a function with {@code @SendsTo} gave {@code Context.send} to SQS, and
 * what they gave {@code Context.publish} to SNS. A queue's URL and a topic's ARN are in the
 * variables {@link MessagingService#variable} names, which the SAM template sets. Each service's
 * client is made on its first use ({@link LazyClient}), so a function that never sends or never
 * publishes loads none of that part of the SDK. Thread-safe.
 */
final class AwsMessageSender implements MessageSender {
  /** SQS's long-standing limit on a message, in bytes (256 KiB), as the emulator's AWS profile. */
  static final int MAX_MESSAGE_BYTES = 262_144;

  /** SNS's limit on a message, in bytes (256 KiB); kept apart, as SQS's may change alone. */
  static final int MAX_TOPIC_MESSAGE_BYTES = 262_144;

  private final String function;
  private final Map<String, String> environment;
  private final LazyClient<SqsBatches> sqs;
  private final LazyClient<SnsBatches> sns;

  /**
   * @param function the function's name, for messages
   * @param environment the function's environment: its queues' URLs, its topics' ARNs, the region
   * @param sqs makes the SQS client for a region, called on the first send only
   * @param sns makes the SNS client for a region, called on the first publish only
   */
  AwsMessageSender(
      String function,
      Map<String, String> environment,
      Function<String, SqsBatches> sqs,
      Function<String, SnsBatches> sns) {
    this.function = function;
    this.environment = Map.copyOf(environment);
    this.sqs = new LazyClient<>(function, MessagingService.SQS, environment, sqs);
    this.sns = new LazyClient<>(function, MessagingService.SNS, environment, sns);
  }

  @Override
  public int maxMessageBytes() {
    return MAX_MESSAGE_BYTES;
  }

  @Override
  public int maxTopicMessageBytes() {
    return MAX_TOPIC_MESSAGE_BYTES;
  }

  /**
   * @throws ConfigurationException when the queue's URL variable or {@value
   *     LazyClient#REGION_VARIABLE} is not set, or the SDK is not on the class path
   * @throws MessagesRefusedException when SQS did not take a message of a request; the requests
   *     before it were sent
   */
  @Override
  public void send(String queue, List<String> messages) throws MessagesRefusedException {
    String url = address(MessagingService.SQS, queue);
    sqs.get().send(queue, url, messages);
  }

  /**
   * @throws ConfigurationException when the topic's ARN variable or {@value
   *     LazyClient#REGION_VARIABLE} is not set, or the SDK is not on the class path
   * @throws MessagesRefusedException when SNS did not take a message of a request; the requests
   *     before it were published
   */
  @Override
  public void publish(String topic, List<String> messages) throws MessagesRefusedException {
    String arn = address(MessagingService.SNS, topic);
    sns.get().publish(topic, arn, messages);
  }

  private String address(MessagingService service, String name) {
    String variable = service.variable(name);
    String address = environment.get(variable);
    if (address == null || address.isBlank()) {
      throw new ConfigurationException(
          "Function '"
              + function
              + "' "
              + service.verb()
              + " "
              + service.kind()
              + " '"
              + name
              + "', but the environment variable "
              + variable
              + " that holds the "
              + service.kind()
              + "'s "
              + service.address()
              + " is not set. Deploy the function with the template.yaml written by"
              + " anyfn:package, which creates the "
              + service.kind()
              + " and sets the variable.");
    }
    return address.strip();
  }
}
