package dev.anyfn.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The host.json Microsoft's plugin staged (the project's own) completed with the settings anyfn's
 * Azure packager wrote to {@code target/anyfn/azure/host.json}: what the project's leaves unset is
 * added (the functions' timeout, the route prefix, the HTTP concurrency the emulator assumes); what
 * it sets stays, and each such value that differs from anyfn's is reported. Keys are compared
 * case-insensitively, as the Functions host reads them.
 */
final class AzureHostJson {
  private AzureHostJson() {}

  /**
   * The completed host.json.
   *
   * @param json the project's host.json with anyfn's settings added
   * @param added each setting added, as {@code path = value}
   * @param kept each setting of the project that differs from anyfn's, as {@code path = value
   *     (anyfn's: value)}
   */
  record Completed(ObjectNode json, List<String> added, List<String> kept) {}

  static Completed complete(ObjectNode project, ObjectNode anyfn) {
    ObjectNode json = project.deepCopy();
    List<String> added = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    merge(json, anyfn, "", added, kept);
    return new Completed(json, List.copyOf(added), List.copyOf(kept));
  }

  private static void merge(
      ObjectNode into, JsonNode from, String path, List<String> added, List<String> kept) {
    for (Map.Entry<String, JsonNode> e : from.properties()) {
      String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      String key = keyIgnoringCase(into, e.getKey());
      JsonNode mine = key == null ? null : into.get(key);
      if (mine == null) {
        into.set(e.getKey(), e.getValue().deepCopy());
        added.add(at + " = " + e.getValue());
      } else if (mine.isObject() && e.getValue().isObject()) {
        merge((ObjectNode) mine, e.getValue(), at, added, kept);
      } else if (!mine.equals(e.getValue())) {
        kept.add(at + " = " + mine + " (anyfn's: " + e.getValue() + ")");
      }
    }
  }

  private static String keyIgnoringCase(ObjectNode node, String name) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getKey();
      }
    }
    return null;
  }
}
