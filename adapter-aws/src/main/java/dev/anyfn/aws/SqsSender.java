package dev.anyfn.aws;

import dev.anyfn.core.ConfigurationException;
import dev.anyfn.core.MessageSender;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Sends what the handlers of a function with {@code @SendsTo} gave {@code Context.send} to SQS. The
 * queue's URL is in the variable {@link #urlVariable} names, which the SAM template sets. This
 * class names no AWS SDK type: the SDK (an optional dependency of the adapter) is first touched,
 * and its client made, on the first send, so a function that never sends loads none of it.
 * Thread-safe.
 */
final class SqsSender implements MessageSender {
  /** SQS's long-standing limit on a message, in bytes (256 KiB), as the emulator's AWS profile. */
  static final int MAX_MESSAGE_BYTES = 262_144;

  /** Before the queue's name in the variable that holds its URL. */
  static final String URL_VARIABLE_PREFIX = "ANYFN_QUEUE_URL_";

  /** Set by Lambda in every function's environment. */
  static final String REGION_VARIABLE = "AWS_REGION";

  /** The SDK classes sending needs, and the artifact that brings each. */
  static final Map<String, String> SDK_CLASSES =
      Map.of(
          "software.amazon.awssdk.services.sqs.SqsClient",
          "software.amazon.awssdk:sqs",
          "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
          "software.amazon.awssdk:url-connection-client");

  private final String function;
  private final Map<String, String> environment;
  private final Function<String, SqsBatches> connect;
  private final Object lock = new Object();
  private volatile SqsBatches batches;

  /**
   * @param function the function's name, for messages
   * @param environment the function's environment: its queues' URLs and the region
   * @param connect makes the client for a region, called on the first send only
   */
  SqsSender(
      String function, Map<String, String> environment, Function<String, SqsBatches> connect) {
    this.function = function;
    this.environment = Map.copyOf(environment);
    this.connect = connect;
  }

  /**
   * The variable that holds the URL of {@code queue}: {@code orders-poison} is in {@code
   * ANYFN_QUEUE_URL_ORDERS_POISON} (upper case, every character other than A-Z and 0-9 made {@code
   * _}).
   */
  static String urlVariable(String queue) {
    return URL_VARIABLE_PREFIX + queue.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Override
  public int maxMessageBytes() {
    return MAX_MESSAGE_BYTES;
  }

  /**
   * @throws ConfigurationException when the queue's URL variable or {@value #REGION_VARIABLE} is
   *     not set, or the SDK is not on the class path
   * @throws SqsRefusedException when SQS did not take a message of a request; the requests before
   *     it were sent
   */
  @Override
  public void send(String queue, List<String> messages) throws SqsRefusedException {
    String variable = urlVariable(queue);
    String url = environment.get(variable);
    if (url == null || url.isBlank()) {
      throw new ConfigurationException(
          "Function '"
              + function
              + "' sends to queue '"
              + queue
              + "', but the environment variable "
              + variable
              + " that holds the queue's URL is not set. Deploy the function with the"
              + " template.yaml written by anyfn:package, which creates the queue and sets the"
              + " variable.");
    }
    batches().send(queue, url.strip(), messages);
  }

  private SqsBatches batches() {
    SqsBatches current = batches;
    if (current != null) {
      return current;
    }
    synchronized (lock) {
      if (batches == null) {
        requireSdk();
        String region = environment.get(REGION_VARIABLE);
        if (region == null || region.isBlank()) {
          throw new ConfigurationException(
              "Function '"
                  + function
                  + "' cannot send to SQS: the environment variable "
                  + REGION_VARIABLE
                  + " is not set. Lambda sets it; elsewhere, set it to the queues' region.");
        }
        batches = connect.apply(region.strip());
      }
      return batches;
    }
  }

  private void requireSdk() {
    List<String> missing = new ArrayList<>();
    SDK_CLASSES.forEach(
        (type, artifact) -> {
          try {
            Class.forName(type, false, SqsSender.class.getClassLoader());
          } catch (ClassNotFoundException e) {
            missing.add(artifact);
          }
        });
    if (!missing.isEmpty()) {
      missing.sort(null);
      throw new ConfigurationException(
          "Function '"
              + function
              + "' sends to queues (@SendsTo), but "
              + String.join(" and ", missing)
              + " of the AWS SDK for Java 2 "
              + (missing.size() == 1 ? "is" : "are")
              + " not on its class path. Add "
              + (missing.size() == 1 ? "it" : "them")
              + " to the project's dependencies (anyfn-bom manages their versions) and"
              + " package again.");
    }
  }
}
