package dev.anyfn.azure;

import dev.anyfn.QueueMessage;

/** A Storage queue trigger's message text and metadata as a neutral {@link QueueMessage}. */
final class StorageQueueTranslator {
  private StorageQueueTranslator() {}

  /**
   * @param queue the queue name
   * @param text the message text, as the host decoded it
   * @param id the {@code Id} metadata; the invocation id when absent
   * @param dequeueCount the {@code DequeueCount} metadata (1 on first delivery), when present
   */
  static QueueMessage message(
      String queue, String text, String id, Long dequeueCount, String invocationId) {
    return QueueMessage.builder()
        .id(id == null || id.isEmpty() ? invocationId : id)
        .source("azure:storage-queue/" + queue)
        .type("Microsoft.Storage.Queue.Message")
        .queue(queue)
        .body(text == null ? "" : text)
        .deliveryAttempt(dequeueCount == null || dequeueCount < 1 ? 1 : (int) (long) dequeueCount)
        .build();
  }
}
