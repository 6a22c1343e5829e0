package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.QueueMessage;
import dev.anyfn.core.ResourceNames;

/**
 * SQS batches ({@code eventSource: aws:sqs}) become {@link QueueMessage}s; failures go back as
 * {@code batchItemFailures} by message id, which needs {@code ReportBatchItemFailures} on the event
 * source mapping (the generated template sets it).
 */
final class SqsTranslator implements RecordTranslator {
  private final ResourceNames names;

  /** Names are given to handlers without the deployment's prefix ({@link ResourceNames}). */
  SqsTranslator(ResourceNames names) {
    this.names = names;
  }

  @Override
  public RecordBatch translate(JsonNode event) {
    JsonNode first = event.get("Records").get(0);
    // A FIFO queue's messages must be handled in order: stop at the first failure.
    String queueArn = EventFields.optionalText(first, "eventSourceARN");
    RecordBatch batch = new RecordBatch(queueArn != null && queueArn.endsWith(".fifo"));
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      MessageRecord message =
          MessageRecord.read(r, MessageRecord.SQS, "The SQS event's Records[" + i++ + "]");
      JsonNode attrs = r.path("attributes");
      QueueMessage.Builder m =
          QueueMessage.builder()
              .id(message.id())
              .queue(names.logical(message.sourceName()))
              .source(message.arn())
              .type("aws:sqs")
              .body(message.body())
              .attributes(message.attributes())
              .deliveryAttempt(
                  receiveCount(EventFields.optionalText(attrs, "ApproximateReceiveCount")));
      var sent = Timestamps.epochMillis(EventFields.optionalText(attrs, "SentTimestamp"));
      if (sent != null) {
        m.time(sent);
      }
      batch.add(m.build(), message.id());
    }
    return batch;
  }

  private static int receiveCount(String text) {
    try {
      return text == null ? 1 : Math.max(1, Integer.parseInt(text));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  @Override
  public boolean reportsItemFailures() {
    return true;
  }
}
