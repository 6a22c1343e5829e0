package dev.anyfn.azure;

import dev.anyfn.QueueMessage;
import dev.anyfn.TopicMessage;

/**
 * A Service Bus trigger's message body and metadata as a neutral {@link QueueMessage} (queues) or
 * {@link TopicMessage} (topic subscriptions).
 */
final class ServiceBusTranslator {
  private ServiceBusTranslator() {}

  static QueueMessage queueMessage(
      String queue, String body, String messageId, Long deliveryCount, String invocationId) {
    return QueueMessage.builder()
        .id(id(messageId, invocationId))
        .source("azure:servicebus/" + queue)
        .type("Microsoft.ServiceBus.Message")
        .queue(queue)
        .body(body == null ? "" : body)
        .deliveryAttempt(attempt(deliveryCount))
        .build();
  }

  static TopicMessage topicMessage(
      String topic, String body, String messageId, Long deliveryCount, String invocationId) {
    return TopicMessage.builder()
        .id(id(messageId, invocationId))
        .source("azure:servicebus/" + topic)
        .type("Microsoft.ServiceBus.Message")
        .topic(topic)
        .body(body == null ? "" : body)
        .deliveryAttempt(attempt(deliveryCount))
        .build();
  }

  private static String id(String messageId, String invocationId) {
    return messageId == null || messageId.isEmpty() ? invocationId : messageId;
  }

  private static int attempt(Long deliveryCount) {
    return deliveryCount == null || deliveryCount < 1 ? 1 : (int) (long) deliveryCount;
  }
}
