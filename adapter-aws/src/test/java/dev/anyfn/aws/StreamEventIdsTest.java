package dev.anyfn.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.ResourceNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A stream's sequence numbers are unique only within a shard, so two shards can send the same one;
 * the neutral {@code Event.id()}, documented unique per source, is the record's {@code eventID},
 * while Lambda still gets failures back by sequence number.
 */
class StreamEventIdsTest {

  @Test
  void kinesisRecordsOfTwoShardsWithOneSequenceNumberKeepDistinctIds() {
    ObjectNode event = Lambda.event("kinesis.json");
    ArrayNode records = event.withArray("Records");
    records.remove(2);
    ObjectNode second = (ObjectNode) records.get(1);
    String sequence = records.get(0).at("/kinesis/sequenceNumber").asText();
    second.withObjectProperty("kinesis").put("sequenceNumber", sequence);
    second.put("eventID", "shardId-000000000007:" + sequence);

    RecordBatch batch = new KinesisTranslator(ResourceNames.NONE).translate(event);

    assertThat(batch.entries())
        .extracting(e -> e.event().id())
        .containsExactly("shardId-000000000006:" + sequence, "shardId-000000000007:" + sequence);
    assertThat(batch.entries())
        .extracting(RecordBatch.Entry::itemIdentifier)
        .containsExactly(sequence, sequence);
  }

  @Test
  void kinesisRecordWithoutAnEventIdFallsBackToItsSequenceNumber() {
    ObjectNode event = Lambda.event("kinesis.json");
    ObjectNode first = (ObjectNode) event.withArray("Records").get(0);
    first.remove("eventID");

    RecordBatch batch = new KinesisTranslator(ResourceNames.NONE).translate(event);

    assertThat(batch.entries().get(0).event().id())
        .isEqualTo(first.at("/kinesis/sequenceNumber").asText());
  }

  @Test
  void dynamoDbRecordsOfTwoShardsWithOneSequenceNumberKeepDistinctIds() {
    ObjectNode event = Lambda.event("dynamodb.json");
    ArrayNode records = event.withArray("Records");
    String sequence = records.get(0).at("/dynamodb/SequenceNumber").asText();
    ((ObjectNode) records.get(1)).withObjectProperty("dynamodb").put("SequenceNumber", sequence);

    RecordBatch batch = new DynamoDbStreamsTranslator(ResourceNames.NONE).translate(event);

    List<RecordBatch.Entry> translated =
        batch.entries().stream().filter(e -> e.event() != null).toList();
    assertThat(translated)
        .extracting(e -> e.event().id())
        .containsExactly(
            records.get(0).get("eventID").asText(), records.get(1).get("eventID").asText())
        .doesNotHaveDuplicates();
    assertThat(translated)
        .extracting(RecordBatch.Entry::itemIdentifier)
        .containsExactly(sequence, sequence);
  }
}
