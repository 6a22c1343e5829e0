package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an SQS message and an SNS notification share (an id, the ARN it came from, a text body and
 * string attributes), read under each source's own field names.
 *
 * @param id the message id
 * @param arn the queue or topic ARN, or null
 * @param body the message text
 * @param attributes the string and number attributes by name; binary ones are skipped
 */
record MessageRecord(String id, String arn, String body, Map<String, String> attributes) {
  /** One source's field names. */
  record Fields(
      String id,
      String arn,
      String body,
      String attributes,
      String attributeValue,
      String attributeType) {}

  /** SQS: {@code messageId}, {@code eventSourceARN}, {@code body}, {@code messageAttributes}. */
  static final Fields SQS =
      new Fields(
          "messageId", "eventSourceARN", "body", "messageAttributes", "stringValue", "dataType");

  /** SNS (capitalised): {@code MessageId}, {@code TopicArn}, {@code Message}, ... */
  static final Fields SNS =
      new Fields("MessageId", "TopicArn", "Message", "MessageAttributes", "Value", "Type");

  /**
   * Reads one message.
   *
   * @param where the message's place in the event, for error messages
   * @throws BadEventException when the id or the body is not a string
   */
  static MessageRecord read(JsonNode message, Fields fields, String where) {
    String id = EventFields.text(message, fields.id(), where);
    String arn = EventFields.optionalText(message, fields.arn());
    String body = EventFields.text(message, fields.body(), where);
    return new MessageRecord(id, arn, body, attributes(message.get(fields.attributes()), fields));
  }

  /** The queue or topic name: the last part of the ARN. */
  String sourceName() {
    return EventFields.arnName(arn);
  }

  /**
   * The string and number attributes; binary ones are skipped on both sources (SNS gives their
   * base64 in {@code Value}, where SQS gives no {@code stringValue}), so that a handler sees the
   * same attributes whichever delivered the message.
   */
  private static Map<String, String> attributes(JsonNode attributes, Fields fields) {
    Map<String, String> out = new LinkedHashMap<>();
    if (attributes != null && attributes.isObject()) {
      for (Map.Entry<String, JsonNode> e : attributes.properties()) {
        String type = EventFields.optionalText(e.getValue(), fields.attributeType());
        if (type != null && type.startsWith("Binary")) {
          continue;
        }
        String value = EventFields.optionalText(e.getValue(), fields.attributeValue());
        if (value != null) {
          out.put(e.getKey(), value);
        }
      }
    }
    return out;
  }
}
