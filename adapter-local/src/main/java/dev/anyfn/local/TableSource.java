package dev.anyfn.local;

import dev.anyfn.DataChange;
import dev.anyfn.core.JsonCodec;
import dev.anyfn.core.index.TriggerSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The emulator's tables: rows kept in memory as JSON images by key; putting a row fires {@code
 * INSERT} or {@code MODIFY} and deleting an existing row fires {@code REMOVE}, with old and new
 * images, to the functions whose data-change trigger asks for that kind. Thread-safe.
 */
final class TableSource {
  private final EventHub hub;
  private final JsonCodec json;
  private final Map<String, List<Subscriber>> subscribers = new LinkedHashMap<>();
  private final Map<String, Map<String, String>> tables = new ConcurrentHashMap<>();

  private record Subscriber(EventQueue queue, List<String> kinds) {}

  /**
   * @param inOrder whether each table's changes go to a function one batch at a time, in order, a
   *     failing one holding back the rest until it succeeds or is set aside ({@link
   *     Profile#tableChangesInOrder})
   */
  TableSource(EventHub hub, List<InstancePool> pools, JsonCodec json, boolean inOrder) {
    this.hub = hub;
    this.json = json;
    for (InstancePool pool : pools) {
      for (TriggerSpec t : pool.function().spec().triggers()) {
        if (t instanceof TriggerSpec.DataChange d) {
          String name = "table/" + d.table() + "/" + pool.name();
          EventQueue q =
              hub.newQueue(
                  EventHub.apart(
                      name,
                      pool,
                      o -> o instanceof TriggerSpec.DataChange c && c.table().equals(d.table()),
                      d.kinds()),
                  pool,
                  1,
                  d);
          if (inOrder) {
            q.ordered = true;
            q.maxInFlight = 1;
          }
          hub.add(q);
          subscribers
              .computeIfAbsent(d.table(), k -> new ArrayList<>())
              .add(new Subscriber(q, d.kinds()));
        }
      }
    }
  }

  /**
   * Inserts or replaces a row.
   *
   * @throws dev.anyfn.core.JsonBodyException when the image is not valid JSON
   */
  synchronized String put(String table, Map<String, Object> keys, String jsonImage) {
    json.readTree(jsonImage.getBytes(StandardCharsets.UTF_8));
    String k = key(keys);
    String old = tables.computeIfAbsent(table, t -> new ConcurrentHashMap<>()).put(k, jsonImage);
    return fire(
        table, keys, old == null ? DataChange.Kind.INSERT : DataChange.Kind.MODIFY, old, jsonImage);
  }

  /** Empties every table, firing nothing. */
  synchronized void clear() {
    tables.clear();
  }

  /** Deletes a row; fires {@code REMOVE} when it existed. */
  synchronized Optional<String> delete(String table, Map<String, Object> keys) {
    String key = key(keys); // checked even when the table is empty
    Map<String, String> rows = tables.get(table);
    String old = rows == null ? null : rows.remove(key);
    if (old == null) {
      return Optional.empty();
    }
    return Optional.of(fire(table, keys, DataChange.Kind.REMOVE, old, null));
  }

  Optional<String> get(String table, Map<String, Object> keys) {
    return Optional.ofNullable(tables.getOrDefault(table, Map.of()).get(key(keys)));
  }

  /**
   * The row a key names, as JSON with the names sorted: a string and a number are different keys
   * ({@code "7"} is not {@code 7}), numbers compare by value ({@code 7} is {@code 7.0}, as in
   * DynamoDB and Cosmos DB), and no value can spell another set of keys.
   */
  static String key(Map<String, Object> keys) {
    StringBuilder b = new StringBuilder("{");
    for (Map.Entry<String, Object> e : new TreeMap<>(keys).entrySet()) {
      if (b.length() > 1) {
        b.append(',');
      }
      b.append('"').append(Json.escape(e.getKey())).append("\":");
      Object v = e.getValue();
      if (v instanceof Number n) {
        b.append(number(e.getKey(), n));
      } else if (v instanceof Boolean) {
        b.append(v);
      } else {
        b.append('"').append(Json.escape(String.valueOf(v))).append('"');
      }
    }
    return b.append('}').toString();
  }

  private static String number(String name, Number n) {
    try {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "Key '"
              + name
              + "' is "
              + n
              + "; no database keeps a non-finite number as a key (nor can JSON write it). Use a"
              + " finite number or a string.",
          e);
    }
  }

  /**
   * The delivery queues of a table's data-change triggers, one per handler; empty when no function
   * has one.
   */
  List<EventQueue> deliveryQueues(String table) {
    return subscribers.getOrDefault(table, List.of()).stream().map(Subscriber::queue).toList();
  }

  /** The tables that functions' data-change triggers watch. */
  List<String> watchedTables() {
    return List.copyOf(subscribers.keySet());
  }

  private String fire(
      String table,
      Map<String, Object> keys,
      DataChange.Kind kind,
      String oldImage,
      String newImage) {
    String id = hub.newId();
    Map<String, Object> keyCopy = Map.copyOf(keys);
    String description =
        "{\"table\":\""
            + Json.escape(table)
            + "\",\"kind\":\""
            + kind
            + "\",\"keys\":"
            + key(keys)
            + ",\"oldImage\":"
            + (oldImage == null ? "null" : oldImage)
            + ",\"newImage\":"
            + (newImage == null ? "null" : newImage)
            + "}";
    for (Subscriber s : subscribers.getOrDefault(table, List.of())) {
      if (!s.kinds().contains(kind.name())) {
        continue;
      }
      hub.enqueue(
          s.queue(),
          id,
          description.getBytes(StandardCharsets.UTF_8),
          Map.of(),
          attempt -> {
            DataChange.Builder<String> b =
                DataChange.<String>builder()
                    .id(id)
                    .table(table)
                    .kind(kind)
                    .keys(keyCopy)
                    .source("anyfn:local:table:" + table)
                    .type("anyfn.local.table." + kind.name().toLowerCase(java.util.Locale.ROOT));
            if (oldImage != null) {
              b.oldImage(oldImage);
            }
            if (newImage != null) {
              b.newImage(newImage);
            }
            return b.build();
          });
    }
    return id;
  }
}
