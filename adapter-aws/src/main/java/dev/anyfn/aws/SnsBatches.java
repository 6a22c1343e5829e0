package dev.anyfn.aws;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchRequestEntry;
import software.amazon.awssdk.services.sns.model.PublishBatchResponse;

/**
 * Publishes messages to an SNS topic in {@code PublishBatch} requests ({@link BatchRequests}). With
 * {@link SqsBatches}, the only classes that name AWS SDK types: loaded by {@link AwsMessageSender}
 * on the first publish. Thread-safe (the SDK client is).
 */
final class SnsBatches {
  private final SnsClient client;

  /** Publishes through {@code client} (tests give one with their own endpoint and credentials). */
  SnsBatches(SnsClient client) {
    this.client = client;
  }

  /**
   * A client for {@code region} with the SDK's default credentials and the JDK's HTTP client, as
   * {@link SqsBatches#connect}.
   */
  static SnsBatches connect(String region) {
    return new SnsBatches(
        SnsClient.builder()
            .region(Region.of(region))
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .build());
  }

  /**
   * Publishes {@code messages} in order to the topic {@code arn} ({@code topic} is its logical
   * name, for messages).
   *
   * @throws MessagesRefusedException when SNS did not take a message of a request; no later request
   *     is made, and the earlier ones stay published
   * @throws software.amazon.awssdk.core.exception.SdkException (unchecked) when a request failed
   */
  void publish(String topic, String arn, List<String> messages) throws MessagesRefusedException {
    BatchRequests.sendAll(
        MessagingService.SNS, topic, arn, messages, entries -> request(arn, entries));
  }

  private BatchRequests.Answer request(String arn, List<BatchRequests.Entry> entries) {
    List<PublishBatchRequestEntry> batch = new ArrayList<>(entries.size());
    for (BatchRequests.Entry e : entries) {
      batch.add(PublishBatchRequestEntry.builder().id(e.id()).message(e.message()).build());
    }
    PublishBatchResponse response =
        client.publishBatch(r -> r.topicArn(arn).publishBatchRequestEntries(batch));
    List<BatchRequests.Refusal> refused = new ArrayList<>();
    for (BatchResultErrorEntry f : response.failed()) {
      refused.add(
          new BatchRequests.Refusal(
              f.id(), f.code(), Boolean.TRUE.equals(f.senderFault()), f.message()));
    }
    return new BatchRequests.Answer(response.successful().size(), refused);
  }
}
