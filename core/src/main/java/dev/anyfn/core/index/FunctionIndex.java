package dev.anyfn.core.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;

/**
 * The function index written at compile time by the anyfn annotation processor to {@value
 * #RESOURCE}. Immutable. For adapters and packagers; user code never reads it.
 *
 * @param formatVersion the format version, {@value #FORMAT_VERSION}
 * @param functions the functions, sorted by name
 */
public record FunctionIndex(int formatVersion, List<FunctionSpec> functions) {
  /** Where the processor writes the index. */
  public static final String RESOURCE = "META-INF/anyfn/functions.json";

  /** The format this reader understands. */
  public static final int FORMAT_VERSION = 1;

  /** Validates and copies. */
  public FunctionIndex {
    functions = List.copyOf(functions);
  }

  /** The function with this name. */
  public Optional<FunctionSpec> function(String name) {
    return functions.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /**
   * Reads one index document with jackson-core's streaming parser (no jackson-databind class is
   * loaded). Properties this version does not know are skipped.
   *
   * @throws IndexFormatException if it is not valid JSON, not shaped like an index, or of another
   *     format version; the message names what was found and where
   */
  public static FunctionIndex read(InputStream in, String origin) {
    return IndexReader.read(in, origin);
  }

  /**
   * Reads and merges every index on the class loader (one per jar or classes folder). Reads no
   * classes and scans nothing.
   *
   * @throws IndexFormatException if none is found or one is unreadable
   */
  public static FunctionIndex load(ClassLoader loader) {
    List<FunctionSpec> all = new ArrayList<>();
    try {
      Enumeration<URL> urls = loader.getResources(RESOURCE);
      boolean found = false;
      while (urls.hasMoreElements()) {
        URL url = urls.nextElement();
        found = true;
        try (InputStream in = url.openStream()) {
          all.addAll(read(in, url.toString()).functions());
        }
      }
      if (!found) {
        throw new IndexFormatException(
            "No function index ("
                + RESOURCE
                + ") on the class path. Add dev.anyfn:anyfn-processor to the compiler's annotation"
                + " processors and annotate at least one class with @ServerlessFunction. From JDK 23"
                + " javac runs annotation processors only when asked: compile with -proc:full"
                + " (maven-compiler-plugin <proc>full</proc>) or list anyfn-processor in"
                + " annotationProcessorPaths.",
            null);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(java.util.Comparator.comparing(FunctionSpec::name));
    return new FunctionIndex(FORMAT_VERSION, all);
  }
}
