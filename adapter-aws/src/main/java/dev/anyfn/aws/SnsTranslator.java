package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.TopicMessage;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SNS notifications ({@code EventSource: aws:sns}, capitalised keys) become {@link TopicMessage}s.
 * SNS invokes asynchronously, so a failure is thrown for Lambda to retry.
 */
final class SnsTranslator implements RecordTranslator {
  @Override
  public RecordBatch translate(JsonNode event) {
    RecordBatch batch = new RecordBatch(false);
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      String where = "The SNS event's Records[" + i++ + "].Sns";
      JsonNode sns = r.path("Sns");
      String id = EventFields.text(sns, "MessageId", where);
      String arn = EventFields.optionalText(sns, "TopicArn");
      TopicMessage.Builder m =
          TopicMessage.builder()
              .id(id)
              .topic(EventFields.arnName(arn))
              .source(arn)
              .type("aws:sns")
              .body(EventFields.text(sns, "Message", where))
              .attributes(attributes(sns.get("MessageAttributes")));
      String subject = EventFields.optionalText(sns, "Subject");
      if (subject != null) {
        m.subject(subject);
      }
      var time = Timestamps.iso(EventFields.optionalText(sns, "Timestamp"));
      if (time != null) {
        m.time(time);
      }
      batch.add(m.build(), id);
    }
    return batch;
  }

  private static Map<String, String> attributes(JsonNode attributes) {
    Map<String, String> out = new LinkedHashMap<>();
    if (attributes != null && attributes.isObject()) {
      attributes
          .properties()
          .forEach(
              e -> {
                String value = EventFields.optionalText(e.getValue(), "Value");
                if (value != null) {
                  out.put(e.getKey(), value);
                }
              });
    }
    return out;
  }

  @Override
  public boolean reportsItemFailures() {
    return false;
  }
}
