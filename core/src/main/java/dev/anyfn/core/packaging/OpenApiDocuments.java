package dev.anyfn.core.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The OpenAPI documents anyfn's annotation processor writes, one per compiled module of functions,
 * {@code META-INF/anyfn/openapi.json}. Where functions come from several jars (the index is merged
 * the same way), their documents become one: the first document's {@code info}, and every path,
 * operation, tag and named schema of all of them, the first one's where two share a name.
 */
public final class OpenApiDocuments {
  /** Where the processor writes a module's document. */
  public static final String RESOURCE = "META-INF/anyfn/openapi.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenApiDocuments() {}

  /** Every document {@code loader} sees, merged; empty when it sees none. */
  public static Optional<byte[]> read(ClassLoader loader) {
    try {
      List<byte[]> documents = new ArrayList<>();
      for (URL url : Collections.list(loader.getResources(RESOURCE))) {
        try (InputStream in = url.openStream()) {
          documents.add(in.readAllBytes());
        }
      }
      return documents.isEmpty() ? Optional.empty() : Optional.of(merge(documents));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + RESOURCE + ": " + e.getMessage(), e);
    }
  }

  /** The document a jar holds; empty when it holds none, or there is no such jar. */
  public static Optional<byte[]> inJar(Path jar) throws IOException {
    if (!Files.isRegularFile(jar)) {
      return Optional.empty();
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      ZipEntry entry = zip.getEntry(RESOURCE);
      if (entry == null) {
        return Optional.empty();
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return Optional.of(in.readAllBytes());
      }
    }
  }

  /**
   * One document of {@code documents}, in order of precedence; a single one is returned as it is.
   *
   * @throws IOException when one is not a JSON object
   */
  public static byte[] merge(List<byte[]> documents) throws IOException {
    if (documents.size() == 1) {
      return documents.get(0);
    }
    ObjectNode merged = object(documents.get(0));
    ObjectNode paths = merged.withObjectProperty("paths");
    ArrayNode tags = merged.withArrayProperty("tags");
    Set<String> tagNames = new HashSet<>();
    tags.forEach(t -> tagNames.add(t.path("name").asText()));
    ObjectNode schemas = merged.withObjectProperty("components").withObjectProperty("schemas");
    for (byte[] document : documents.subList(1, documents.size())) {
      ObjectNode next = object(document);
      for (Map.Entry<String, JsonNode> path : next.path("paths").properties()) {
        ObjectNode item = paths.withObjectProperty(path.getKey());
        path.getValue().properties().forEach(op -> addIfAbsent(item, op));
      }
      for (JsonNode tag : next.path("tags")) {
        if (tagNames.add(tag.path("name").asText())) {
          tags.add(tag);
        }
      }
      next.path("components").path("schemas").properties().forEach(s -> addIfAbsent(schemas, s));
    }
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(merged);
  }

  /**
   * {@code document} with each operation under its function's name: {@code GET /hello} of function
   * {@code greeting} (its first tag, as the processor writes it) at {@code /greeting/hello}, as a
   * cloud that gives each function its own path prefix serves it.
   *
   * @throws IOException when it is not a JSON object
   */
  public static byte[] underFunctionNames(byte[] document) throws IOException {
    ObjectNode doc = object(document);
    ObjectNode moved = JSON.createObjectNode();
    for (Map.Entry<String, JsonNode> path : doc.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String function = op.getValue().path("tags").path(0).asText();
        String prefix = function.isEmpty() ? "" : "/" + function;
        String at =
            path.getKey().equals("/") && !prefix.isEmpty() ? prefix : prefix + path.getKey();
        moved.withObjectProperty(at).set(op.getKey(), op.getValue());
      }
    }
    doc.set("paths", moved);
    return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(doc);
  }

  private static void addIfAbsent(ObjectNode into, Map.Entry<String, JsonNode> field) {
    if (!into.has(field.getKey())) {
      into.set(field.getKey(), field.getValue());
    }
  }

  private static ObjectNode object(byte[] document) throws IOException {
    JsonNode node = JSON.readTree(document);
    if (!(node instanceof ObjectNode object)) {
      throw new IOException("An OpenAPI document is a JSON object; found " + node.getNodeType());
    }
    return object;
  }
}
