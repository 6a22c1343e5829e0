package dev.anyfn.aws;

import dev.anyfn.core.MessageSender;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends messages to an SQS queue in {@code SendMessageBatch} requests of at most {@value
 * #MAX_ENTRIES} messages and {@value #MAX_REQUEST_BYTES} bytes of bodies, SQS's limits on one
 * request. The only class that names AWS SDK types: loaded by {@link SqsSender} on the first send.
 * Thread-safe (the SDK client is).
 */
final class SqsBatches {
  /** The most entries SQS takes in one {@code SendMessageBatch}. */
  static final int MAX_ENTRIES = 10;

  /** The most bytes of message bodies SQS takes in one {@code SendMessageBatch} (256 KiB). */
  static final int MAX_REQUEST_BYTES = 262_144;

  private final SqsClient client;

  /** Sends through {@code client} (tests give one with their own endpoint and credentials). */
  SqsBatches(SqsClient client) {
    this.client = client;
  }

  /**
   * A client for {@code region} with the SDK's default credentials (in Lambda, the function's role
   * from its environment) and the JDK's HTTP client, which starts faster and weighs less than the
   * SDK's Apache and Netty clients.
   */
  static SqsBatches connect(String region) {
    return new SqsBatches(
        SqsClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build());
  }

  /**
   * Sends {@code messages} in order to the queue at {@code url} ({@code queue} is its logical name,
   * for messages).
   *
   * @throws SqsRefusedException when SQS did not take a message of a request; no later request is
   *     made, and the earlier ones stay sent
   * @throws software.amazon.awssdk.core.exception.SdkException (unchecked) when a request failed
   */
  void send(String queue, String url, List<String> messages) throws SqsRefusedException {
    int from = 0;
    while (from < messages.size()) {
      int to = requestEnd(messages, from);
      List<SendMessageBatchRequestEntry> entries = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        entries.add(
            SendMessageBatchRequestEntry.builder()
                .id(Integer.toString(i))
                .messageBody(messages.get(i))
                .build());
      }
      SendMessageBatchResponse response =
          client.sendMessageBatch(request -> request.queueUrl(url).entries(entries));
      if (!response.failed().isEmpty()) {
        throw new SqsRefusedException(refusal(queue, url, messages.size(), from, to, response));
      }
      from = to;
    }
  }

  /**
   * Where the request that starts at {@code from} ends (exclusive): it takes at least one message,
   * as each is within a request's size already.
   */
  static int requestEnd(List<String> messages, int from) {
    int to = from;
    long bytes = 0;
    while (to < messages.size() && to - from < MAX_ENTRIES) {
      bytes += MessageSender.utf8Bytes(messages.get(to));
      if (to > from && bytes > MAX_REQUEST_BYTES) {
        break;
      }
      to++;
    }
    return to;
  }

  private static String refusal(
      String queue, String url, int total, int from, int to, SendMessageBatchResponse response) {
    List<String> entries = new ArrayList<>();
    for (BatchResultErrorEntry e : response.failed()) {
      entries.add(
          (Integer.parseInt(e.id()) + 1)
              + ": "
              + e.code()
              + " ("
              + (Boolean.TRUE.equals(e.senderFault()) ? "the sender's fault" : "SQS's fault")
              + "): "
              + e.message());
    }
    return "SQS did not take "
        + response.failed().size()
        + " of "
        + total
        + " messages sent to queue '"
        + queue
        + "' ("
        + url
        + "); the other "
        + response.successful().size()
        + " of its SendMessageBatch request and the "
        + from
        + " before were taken, the "
        + (total - to)
        + " after were not sent. Message "
        + String.join("; message ", entries);
  }
}
