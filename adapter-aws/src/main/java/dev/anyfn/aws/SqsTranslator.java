package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.QueueMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SQS batches ({@code eventSource: aws:sqs}) become {@link QueueMessage}s; failures go back as
 * {@code batchItemFailures} by message id, which needs {@code ReportBatchItemFailures} on the event
 * source mapping (the generated template sets it).
 */
final class SqsTranslator implements RecordTranslator {
  @Override
  public RecordBatch translate(JsonNode event) {
    JsonNode first = event.get("Records").get(0);
    // A FIFO queue's messages must be handled in order: stop at the first failure.
    String queueArn = EventFields.optionalText(first, "eventSourceARN");
    RecordBatch batch = new RecordBatch(queueArn != null && queueArn.endsWith(".fifo"));
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      String where = "The SQS event's Records[" + i++ + "]";
      String id = EventFields.text(r, "messageId", where);
      String arn = EventFields.optionalText(r, "eventSourceARN");
      JsonNode attrs = r.path("attributes");
      QueueMessage.Builder m =
          QueueMessage.builder()
              .id(id)
              .queue(EventFields.arnName(arn))
              .source(arn)
              .type("aws:sqs")
              .body(EventFields.text(r, "body", where))
              .attributes(messageAttributes(r.get("messageAttributes")))
              .deliveryAttempt(
                  receiveCount(EventFields.optionalText(attrs, "ApproximateReceiveCount")));
      var sent = Timestamps.epochMillis(EventFields.optionalText(attrs, "SentTimestamp"));
      if (sent != null) {
        m.time(sent);
      }
      batch.add(m.build(), id);
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

  /** String and Number message attributes by their {@code stringValue}; binary ones are skipped. */
  private static Map<String, String> messageAttributes(JsonNode attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    if (attributes != null && attributes.isObject()) {
      attributes
          .properties()
          .forEach(
              e -> {
                String value = EventFields.optionalText(e.getValue(), "stringValue");
                if (value != null) {
                  out.put(e.getKey(), value);
                }
              });
    }
    return out;
  }

  @Override
  public boolean reportsItemFailures() {
    return true;
  }
}
