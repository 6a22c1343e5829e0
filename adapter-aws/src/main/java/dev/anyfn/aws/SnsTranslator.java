package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.TopicMessage;
import dev.anyfn.core.ResourceNames;

/**
 * SNS notifications ({@code EventSource: aws:sns}, capitalised keys) become {@link TopicMessage}s.
 * SNS invokes asynchronously, so a failure is thrown for Lambda to retry.
 */
final class SnsTranslator implements RecordTranslator {
  private final ResourceNames names;

  /** Names are given to handlers without the deployment's prefix ({@link ResourceNames}). */
  SnsTranslator(ResourceNames names) {
    this.names = names;
  }

  @Override
  public RecordBatch translate(JsonNode event) {
    RecordBatch batch = new RecordBatch(false);
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      JsonNode sns = r.path("Sns");
      MessageRecord message =
          MessageRecord.read(sns, MessageRecord.SNS, "The SNS event's Records[" + i++ + "].Sns");
      TopicMessage.Builder m =
          TopicMessage.builder()
              .id(message.id())
              .topic(names.logical(message.sourceName()))
              .source(message.arn())
              .type("aws:sns")
              .body(message.body())
              .attributes(message.attributes());
      String subject = EventFields.optionalText(sns, "Subject");
      if (subject != null) {
        m.subject(subject);
      }
      var time = Timestamps.iso(EventFields.optionalText(sns, "Timestamp"));
      if (time != null) {
        m.time(time);
      }
      batch.add(m.build(), message.id());
    }
    return batch;
  }

  @Override
  public boolean reportsItemFailures() {
    return false;
  }
}
