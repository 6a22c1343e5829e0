package dev.anyfn.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.DataChange;
import dev.anyfn.core.ResourceNames;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DynamoDB Streams batches ({@code eventSource: aws:dynamodb}) become {@link DataChange}s whose
 * images are plain JSON (typed AttributeValues flattened). The table is named by the stream ARN;
 * the id is the record's {@code eventID}, unique across the stream's shards where a sequence number
 * is unique only within its shard. Failures go back as {@code batchItemFailures} by sequence
 * number; a record with an attribute type DynamoDB does not define fails without reaching the
 * handler.
 */
final class DynamoDbStreamsTranslator implements RecordTranslator {
  private final ResourceNames names;

  /** Names are given to handlers without the deployment's prefix ({@link ResourceNames}). */
  DynamoDbStreamsTranslator(ResourceNames names) {
    this.names = names;
  }

  @Override
  public RecordBatch translate(JsonNode event) {
    RecordBatch batch = new RecordBatch(true);
    int i = 0;
    for (JsonNode r : event.get("Records")) {
      String where = "The DynamoDB Streams event's Records[" + i++ + "]";
      JsonNode ddb = r.path("dynamodb");
      String sequence = EventFields.text(ddb, "SequenceNumber", where + ".dynamodb");
      String eventName = EventFields.text(r, "eventName", where);
      DataChange.Kind kind;
      try {
        kind = DataChange.Kind.valueOf(eventName);
      } catch (IllegalArgumentException e) {
        batch.fail(
            sequence,
            where + ".eventName is '" + eventName + "'; expected INSERT, MODIFY or REMOVE.");
        continue;
      }
      String arn = EventFields.optionalText(r, "eventSourceARN");
      String id = EventFields.optionalText(r, "eventID");
      DataChange.Builder<String> change =
          DataChange.<String>builder()
              .id(id == null ? sequence : id)
              .table(names.logical(table(arn)))
              .kind(kind)
              .source(arn)
              .type("aws:dynamodb:" + eventName);
      try {
        change.keys(plain(AttributeValues.item(ddb.get("Keys"), where + ".dynamodb.Keys")));
        if (ddb.has("OldImage")) {
          change.oldImage(
              AttributeValues.item(ddb.get("OldImage"), where + ".dynamodb.OldImage").toString());
        }
        if (ddb.has("NewImage")) {
          change.newImage(
              AttributeValues.item(ddb.get("NewImage"), where + ".dynamodb.NewImage").toString());
        }
      } catch (IllegalArgumentException e) {
        batch.fail(sequence, e.getMessage());
        continue;
      }
      var time =
          Timestamps.epochSeconds(EventFields.optionalText(ddb, "ApproximateCreationDateTime"));
      if (time != null) {
        change.time(time);
      }
      batch.add(change.build(), sequence);
    }
    return batch;
  }

  /** {@code arn:aws:dynamodb:<region>:<account>:table/<name>/stream/<label>} to the name. */
  static String table(String arn) {
    if (arn == null) {
      return "";
    }
    int start = arn.indexOf(":table/");
    if (start < 0) {
      return EventFields.arnName(arn);
    }
    String rest = arn.substring(start + ":table/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static Map<String, Object> plain(ObjectNode keys) {
    Map<String, Object> out = new LinkedHashMap<>();
    keys.properties()
        .forEach(
            e -> {
              JsonNode v = e.getValue();
              out.put(
                  e.getKey(),
                  v.isNumber() ? v.decimalValue() : v.isBoolean() ? v.booleanValue() : v.asText());
            });
    return Map.copyOf(out);
  }

  @Override
  public boolean reportsItemFailures() {
    return true;
  }
}
