package dev.anyfn.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends messages to an SQS queue in {@code SendMessageBatch} requests ({@link BatchRequests}). With
 * {@link SnsBatches}, the only classes that name AWS SDK types: loaded by {@link AwsMessageSender}
 * on the first send. Thread-safe (the SDK client is).
 */
final class SqsBatches {
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
   * @throws MessagesRefusedException when SQS did not take a message of a request; no later request
   *     is made, and the earlier ones stay sent
   * @throws software.amazon.awssdk.core.exception.SdkException (unchecked) when a request failed
   */
  void send(String queue, String url, List<String> messages) throws MessagesRefusedException {
    BatchRequests.sendAll(
        MessagingService.SQS, queue, url, messages, entries -> request(url, entries));
  }

  private BatchRequests.Answer request(String url, List<BatchRequests.Entry> entries) {
    List<SendMessageBatchRequestEntry> batch = new ArrayList<>(entries.size());
    for (BatchRequests.Entry e : entries) {
      batch.add(SendMessageBatchRequestEntry.builder().id(e.id()).messageBody(e.message()).build());
    }
    SendMessageBatchResponse response =
        client.sendMessageBatch(r -> r.queueUrl(url).entries(batch));
    List<BatchRequests.Refusal> refused = new ArrayList<>();
    for (BatchResultErrorEntry f : response.failed()) {
      refused.add(
          new BatchRequests.Refusal(
              f.id(), f.code(), Boolean.TRUE.equals(f.senderFault()), f.message()));
    }
    return new BatchRequests.Answer(response.successful().size(), refused);
  }
}
