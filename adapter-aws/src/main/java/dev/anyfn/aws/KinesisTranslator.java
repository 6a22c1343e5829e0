package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.QueueMessage;
import dev.anyfn.core.ResourceNames;
import java.util.Base64;
import java.util.Map;

/**
 * Kinesis batches ({@code eventSource: aws:kinesis}) become {@link QueueMessage}s for
 * {@code @OnQueue} handlers whose queue is the stream's name: the body is the record's decoded
 * {@code data}, the id its {@code eventID} ({@code shardId-...:sequenceNumber}: a sequence number
 * alone is unique only within its shard), and {@code partitionKey} an attribute. Failures go back
 * as {@code batchItemFailures} by sequence number, as Lambda expects for Kinesis. A record whose
 * data is not valid base64 fails without reaching the handler.
 */
final class KinesisTranslator implements RecordTranslator {
  private final ResourceNames names;

  /** Names are given to handlers without the deployment's prefix ({@link ResourceNames}). */
  KinesisTranslator(ResourceNames names) {
    this.names = names;
  }

  @Override
  public RecordBatch translate(JsonNode event) {
    RecordBatch batch = new RecordBatch(true);
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      String where = "The Kinesis event's Records[" + i++ + "].kinesis";
      JsonNode k = r.path("kinesis");
      String sequence = EventFields.text(k, "sequenceNumber", where);
      byte[] data;
      try {
        data = Base64.getDecoder().decode(EventFields.text(k, "data", where));
      } catch (IllegalArgumentException e) {
        batch.fail(sequence, where + ".data is not valid base64: " + e.getMessage());
        continue;
      }
      String arn = EventFields.optionalText(r, "eventSourceARN");
      String id = EventFields.optionalText(r, "eventID");
      String partitionKey = EventFields.optionalText(k, "partitionKey");
      QueueMessage.Builder m =
          QueueMessage.builder()
              .id(id == null ? sequence : id)
              .queue(names.logical(EventFields.arnName(arn)))
              .source(arn)
              .type("aws:kinesis:record")
              .body(data)
              .attributes(partitionKey == null ? Map.of() : Map.of("partitionKey", partitionKey));
      var time =
          Timestamps.epochSeconds(EventFields.optionalText(k, "approximateArrivalTimestamp"));
      if (time != null) {
        m.time(time);
      }
      batch.add(m.build(), sequence);
    }
    return batch;
  }

  @Override
  public boolean reportsItemFailures() {
    return true;
  }
}
