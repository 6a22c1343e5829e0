package dev.anyfn.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.OpenApiDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Assembles one deployable jar from a classes directory and dependency jars, reproducibly: entries
 * in name order with one fixed timestamp, so the same inputs give the same bytes. The first source
 * that holds an entry wins, except {@code META-INF/services/*} files (merged line by line) and
 * function indexes and OpenAPI documents (each merged into one). Signatures, manifests and {@code
 * module-info.class} of the sources are dropped: a fat jar is neither signed nor a module. Not
 * thread-safe; use once.
 */
final class FatJar {
  private static final String SERVICES = "META-INF/services/";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Instant timestamp;
  private final TreeMap<String, byte[]> entries = new TreeMap<>();
  private final Map<String, LinkedHashSet<String>> services = new TreeMap<>();
  private final List<JsonNode> indexes = new ArrayList<>();
  private final List<byte[]> openApis = new ArrayList<>();
  private final List<String> sources = new ArrayList<>();
  private boolean multiRelease;

  FatJar(Instant timestamp) {
    this.timestamp = timestamp;
  }

  /**
   * Adds every file under {@code directory} whose relative name (with {@code /}) passes {@code
   * include}.
   */
  FatJar addDirectory(Path directory, Predicate<String> include) throws IOException {
    if (!Files.isDirectory(directory)) {
      return this;
    }
    sources.add(directory.toString());
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
    }
    for (Path file : files) {
      String name = directory.relativize(file).toString().replace('\\', '/');
      if (include.test(name)) {
        add(name, Files.readAllBytes(file), false);
      }
    }
    return this;
  }

  /** Adds the entries of a dependency jar that {@code keep} accepts. */
  FatJar addJar(Path jar, Predicate<String> keep) throws IOException {
    sources.add(jar.toString());
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (entry.isDirectory() || !keep.test(entry.getName())) {
          continue;
        }
        try (InputStream in = zip.getInputStream(entry)) {
          add(entry.getName(), in.readAllBytes(), true);
        }
      }
    }
    return this;
  }

  private void add(String name, byte[] content, boolean fromDependency) throws IOException {
    if (name.equals("META-INF/MANIFEST.MF")) {
      multiRelease |= isMultiRelease(content);
      return;
    }
    if (isDropped(name, fromDependency)) {
      return;
    }
    if (name.startsWith(SERVICES) && name.indexOf('/', SERVICES.length()) < 0) {
      LinkedHashSet<String> lines = services.computeIfAbsent(name, n -> new LinkedHashSet<>());
      for (String line : new String(content, StandardCharsets.UTF_8).split("\\R")) {
        String provider = line.replaceFirst("#.*", "").trim();
        if (!provider.isEmpty()) {
          lines.add(provider);
        }
      }
      return;
    }
    if (name.equals(FunctionIndex.RESOURCE)) {
      indexes.add(JSON.readTree(content));
      return;
    }
    if (name.equals(OpenApiDocuments.RESOURCE)) {
      openApis.add(content);
      return;
    }
    entries.putIfAbsent(name, content);
  }

  private static boolean isDropped(String name, boolean fromDependency) {
    String upper = name.toUpperCase(java.util.Locale.ROOT);
    boolean signature =
        upper.startsWith("META-INF/")
            && upper.indexOf('/', "META-INF/".length()) < 0
            && (upper.endsWith(".SF")
                || upper.endsWith(".RSA")
                || upper.endsWith(".DSA")
                || upper.endsWith(".EC")
                || upper.equals("META-INF/INDEX.LIST"));
    boolean moduleInfo = fromDependency && name.endsWith("module-info.class");
    return signature || moduleInfo;
  }

  private static boolean isMultiRelease(byte[] manifest) throws IOException {
    Manifest m = new Manifest(new java.io.ByteArrayInputStream(manifest));
    return "true".equalsIgnoreCase(m.getMainAttributes().getValue("Multi-Release"));
  }

  /** The sources added so far, in order. */
  List<String> sources() {
    return List.copyOf(sources);
  }

  /**
   * The bytes of every file the jar holds, uncompressed: what the jar unzips to (the merged service
   * files and index aside, a few bytes).
   */
  long uncompressedSize() {
    long n = 0;
    for (byte[] bytes : entries.values()) {
      n += bytes == null ? 0 : bytes.length;
    }
    return n;
  }

  /** Writes the jar, replacing {@code target}. */
  void writeTo(Path target) throws IOException {
    Map<String, byte[]> all = new TreeMap<>(entries);
    services.forEach(
        (name, lines) ->
            all.put(name, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8)));
    if (!indexes.isEmpty()) {
      all.put(FunctionIndex.RESOURCE, mergedIndex());
    }
    if (!openApis.isEmpty()) {
      all.put(OpenApiDocuments.RESOURCE, OpenApiDocuments.merge(openApis));
    }
    // Parent directory entries too: some class path scanners list a package by its directory.
    TreeMap<String, byte[]> withDirectories = new TreeMap<>(all);
    for (String name : all.keySet()) {
      for (int slash = name.indexOf('/'); slash >= 0; slash = name.indexOf('/', slash + 1)) {
        withDirectories.putIfAbsent(name.substring(0, slash + 1), null);
      }
    }
    withDirectories.remove("META-INF/");

    Files.createDirectories(target.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(target);
        JarOutputStream jar = new JarOutputStream(file)) {
      putEntry(jar, "META-INF/", null);
      putEntry(jar, "META-INF/MANIFEST.MF", manifest());
      for (Map.Entry<String, byte[]> e : withDirectories.entrySet()) {
        putEntry(jar, e.getKey(), e.getValue());
      }
    }
  }

  private byte[] manifest() throws IOException {
    Manifest manifest = new Manifest();
    Attributes main = manifest.getMainAttributes();
    main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    main.putValue("Created-By", "anyfn-maven-plugin");
    if (multiRelease) {
      main.putValue("Multi-Release", "true");
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    manifest.write(out);
    return out.toByteArray();
  }

  private byte[] mergedIndex() throws IOException {
    if (indexes.size() == 1) {
      return JSON.writeValueAsBytes(indexes.get(0));
    }
    ObjectNode merged = JSON.createObjectNode();
    merged.put("formatVersion", FunctionIndex.FORMAT_VERSION);
    List<JsonNode> functions = new ArrayList<>();
    for (JsonNode index : indexes) {
      index.path("functions").forEach(functions::add);
    }
    functions.sort(Comparator.comparing(f -> f.path("name").asText()));
    ArrayNode array = merged.putArray("functions");
    functions.forEach(array::add);
    return JSON.writeValueAsBytes(merged);
  }

  private void putEntry(JarOutputStream jar, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    // setTimeLocal writes only the DOS time field, so the bytes do not depend on the time zone.
    entry.setTimeLocal(LocalDateTime.ofInstant(timestamp, ZoneOffset.UTC));
    jar.putNextEntry(entry);
    if (content != null) {
      jar.write(content);
    }
    jar.closeEntry();
  }
}
