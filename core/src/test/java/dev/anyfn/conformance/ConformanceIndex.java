package dev.anyfn.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;

/**
 * The function index of this test-jar reduced to {@link ConformanceFunction} ({@code conformance}),
 * for adapters that serve every function of an index (the emulator) or generate code for each
 * (Azure): the jar's other test functions stay out.
 */
public final class ConformanceIndex {
  /** The function's name. */
  public static final String FUNCTION = "conformance";

  private ConformanceIndex() {}

  /**
   * The index as JSON, from the first index on {@code loader}'s class path that holds the function.
   *
   * @throws IllegalStateException when none does
   */
  public static String json(ClassLoader loader) throws IOException {
    ObjectMapper json = new ObjectMapper();
    for (URL url : Collections.list(loader.getResources("META-INF/anyfn/functions.json"))) {
      ObjectNode index;
      try (InputStream in = url.openStream()) {
        index = (ObjectNode) json.readTree(in);
      }
      ArrayNode kept = json.createArrayNode();
      index
          .withArray("functions")
          .forEach(
              f -> {
                if (FUNCTION.equals(f.path("name").asText())) {
                  kept.add(f);
                }
              });
      if (!kept.isEmpty()) {
        index.set("functions", kept);
        return json.writeValueAsString(index);
      }
    }
    throw new IllegalStateException("No function index on the class path holds '" + FUNCTION + "'");
  }
}
