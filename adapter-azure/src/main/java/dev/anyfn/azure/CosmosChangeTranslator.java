package dev.anyfn.azure;

import com.fasterxml.jackson.databind.JsonNode;
import dev.anyfn.DataChange;
import dev.anyfn.core.JsonCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Cosmos DB trigger's batch (a JSON array of changed documents, from the change feed in
 * latest-version mode) as neutral {@link DataChange}s. That feed tells neither inserts from updates
 * nor reports deletions, so every document is a {@link DataChange.Kind#MODIFY} carrying its new
 * image; the keys hold {@code id}.
 */
final class CosmosChangeTranslator {
  private CosmosChangeTranslator() {}

  /**
   * @throws IllegalArgumentException when the batch is not a JSON array of objects with an id
   */
  static List<DataChange<String>> changes(String table, String documents, JsonCodec codec) {
    JsonNode array;
    try {
      array =
          codec.readEvent(
              documents == null ? new byte[0] : documents.getBytes(StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "The Cosmos DB batch for '" + table + "' is not JSON: " + e.getMessage(), e);
    }
    if (!array.isArray()) {
      throw new IllegalArgumentException(
          "The Cosmos DB batch for '"
              + table
              + "' is a JSON "
              + array.getNodeType().name().toLowerCase(java.util.Locale.ROOT)
              + "; expected an array of documents.");
    }
    List<DataChange<String>> changes = new ArrayList<>();
    for (JsonNode doc : array) {
      JsonNode id = doc.get("id");
      if (!doc.isObject() || id == null || !id.isValueNode()) {
        throw new IllegalArgumentException(
            "A document of the Cosmos DB batch for '" + table + "' has no id.");
      }
      Map<String, Object> keys = new LinkedHashMap<>();
      keys.put("id", id.asText());
      JsonNode ts = doc.get("_ts");
      JsonNode lsn = doc.get("_lsn");
      changes.add(
          DataChange.<String>builder()
              .id(id.asText() + (lsn == null ? "" : "@" + lsn.asText()))
              .source("azure:cosmosdb/" + table)
              .type("Microsoft.Azure.CosmosDB.Change")
              .time(time(ts))
              .subject(id.asText())
              .table(table)
              .kind(DataChange.Kind.MODIFY)
              .keys(keys)
              .newImage(doc.toString())
              .build());
    }
    return changes;
  }

  /**
   * The document's {@code _ts} (epoch seconds, set by Cosmos DB); the epoch when it is missing, not
   * a whole number, or beyond what an {@link Instant} holds.
   */
  private static Instant time(JsonNode ts) {
    if (ts == null || !ts.canConvertToLong()) {
      return Instant.EPOCH;
    }
    long seconds = ts.asLong();
    return seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()
        ? Instant.EPOCH
        : Instant.ofEpochSecond(seconds);
  }
}
