package dev.anyfn.local;

import dev.anyfn.conformance.ConformanceIndex;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.OpenApiDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Class loaders that show the emulator one function index of the test class path: this module's
 * fixtures ({@link #LOADER}), or the core test-jar's {@code conformance} function alone ({@link
 * #conformanceOnly()}). Both indexes are on the class path, and an emulator serves every function
 * of every index it finds; classes load as usual.
 */
final class FixtureIndex {
  private static final URL TEST_CLASSES =
      FixtureIndex.class.getProtectionDomain().getCodeSource().getLocation();

  /** This module's fixtures. */
  static final ClassLoader LOADER =
      showing(url -> url.toString().startsWith(TEST_CLASSES.toString()));

  private FixtureIndex() {}

  /** The core test-jar's {@code conformance} function, without its other test functions. */
  static ClassLoader conformanceOnly() {
    try {
      Path file = Files.createTempFile("conformance-index", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, ConformanceIndex.json(parent()));
      return new Filtered(parent(), List.of(file.toUri().toURL()), url -> false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * This module's fixtures, their index edited by {@code edit} (its JSON text in, the JSON to serve
   * out): the same classes with, say, a trigger renamed.
   */
  static ClassLoader edited(UnaryOperator<String> edit) {
    try {
      URL own = new URL(TEST_CLASSES, FunctionIndex.RESOURCE);
      String json;
      try (InputStream in = own.openStream()) {
        json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      Path file = Files.createTempFile("fixture-index", ".json");
      file.toFile().deleteOnExit();
      Files.writeString(file, edit.apply(json));
      return new Filtered(parent(), List.of(file.toUri().toURL()), url -> false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ClassLoader parent() {
    return FixtureIndex.class.getClassLoader();
  }

  private static ClassLoader showing(Predicate<URL> keep) {
    return new Filtered(parent(), List.of(), keep);
  }

  /** Answers the index resource with {@code extra} and the parent's URLs that {@code keep}. */
  private static final class Filtered extends ClassLoader {
    private final List<URL> extra;
    private final Predicate<URL> keep;

    Filtered(ClassLoader parent, List<URL> extra, Predicate<URL> keep) {
      super(parent);
      this.extra = extra;
      this.keep = keep;
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.equals(OpenApiDocuments.RESOURCE)) {
        // the routes' documents of the indexes shown
        List<URL> urls = new ArrayList<>();
        for (URL url : Collections.list(super.getResources(name))) {
          if (keep.test(url)) {
            urls.add(url);
          }
        }
        return Collections.enumeration(urls);
      }
      if (!name.equals(FunctionIndex.RESOURCE)) {
        return super.getResources(name);
      }
      List<URL> urls = new ArrayList<>(extra);
      for (URL url : Collections.list(super.getResources(name))) {
        if (keep.test(url)) {
          urls.add(url);
        }
      }
      return Collections.enumeration(urls);
    }
  }
}
