package dev.anyfn.maven;

import dev.anyfn.core.SharedRoutes;
import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.index.FunctionSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The functions one package deploys: those of the project's own classes and those of its runtime
 * dependencies that hold a function index (the function modules of a multi-module build), which the
 * package's jar carries too. Read together, so that the descriptors name every function the jar
 * holds, and checked together, because one deployment serves them from one address: two functions
 * of one name, or two routes of one method and path, are refused, naming the module of each.
 */
final class ProjectFunctions {
  /** A function index and where it was read: the project's classes or a dependency. */
  record Source(String origin, Path file) {}

  private ProjectFunctions() {}

  /**
   * The merged index of {@code sources}, sorted by function name.
   *
   * @throws MojoFailureException when no source holds an index (the message names {@code classes}
   *     and what to add), one is unreadable, or two functions clash
   */
  static FunctionIndex read(Path classes, List<Source> sources) throws MojoFailureException {
    List<FunctionSpec> all = new ArrayList<>();
    Map<String, String> originOf = new LinkedHashMap<>(); // class name -> origin
    boolean found = false;
    for (Source source : sources) {
      FunctionIndex index;
      try {
        index = read(source.file());
      } catch (IOException | RuntimeException e) {
        throw new MojoFailureException(
            "Reading the function index of " + source.origin() + " failed: " + e.getMessage(), e);
      }
      if (index == null) {
        continue;
      }
      found = true;
      for (FunctionSpec function : index.functions()) {
        all.add(function);
        originOf.putIfAbsent(function.className(), source.origin());
      }
    }
    if (!found) {
      throw new MojoFailureException(
          "No function index at "
              + classes.resolve(FunctionIndex.RESOURCE)
              + ", nor in a runtime dependency. Expected the anyfn annotation processor to write it"
              + " while compiling: add dev.anyfn:anyfn-processor as a provided dependency and"
              + " annotate at least one class with @ServerlessFunction (or depend on the module"
              + " whose classes are). From JDK 23 javac runs annotation processors only when asked:"
              + " set the maven-compiler-plugin's <proc>full</proc> or list anyfn-processor in its"
              + " annotationProcessorPaths.");
    }
    List<String> clashes = clashes(all, originOf);
    if (!clashes.isEmpty()) {
      throw new MojoFailureException(
          "anyfn cannot package these functions together, since one deployment serves them all:\n  - "
              + String.join("\n  - ", clashes));
    }
    all.sort(Comparator.comparing(FunctionSpec::name));
    return new FunctionIndex(FunctionIndex.FORMAT_VERSION, all);
  }

  /**
   * The classes the package deploys as the project's own: the project's classes (the first of
   * {@code sources}), whether or not they hold functions, and each other source that holds a
   * function index (the function modules).
   *
   * @throws MojoFailureException when an index is unreadable
   */
  static List<Source> packagedClasses(List<Source> sources) throws MojoFailureException {
    List<Source> found = new ArrayList<>(sources.subList(0, Math.min(1, sources.size())));
    for (Source source : sources.subList(found.size(), sources.size())) {
      try {
        if (read(source.file()) != null) {
          found.add(source);
        }
      } catch (IOException | RuntimeException e) {
        throw new MojoFailureException(
            "Reading the function index of " + source.origin() + " failed: " + e.getMessage(), e);
      }
    }
    return found;
  }

  /** The index in a classes directory or a jar; null when it holds none. */
  private static FunctionIndex read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      Path index = file.resolve(FunctionIndex.RESOURCE);
      if (!Files.isRegularFile(index)) {
        return null;
      }
      try (InputStream in = Files.newInputStream(index)) {
        return FunctionIndex.read(in, index.toString());
      }
    }
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(FunctionIndex.RESOURCE);
      if (entry == null) {
        return null;
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return FunctionIndex.read(in, file + "!/" + FunctionIndex.RESOURCE);
      }
    }
  }

  /**
   * Two functions of one name, and routes served twice (compared as the runtime's router compares
   * them, {@link SharedRoutes}), each as a sentence.
   */
  static List<String> clashes(List<FunctionSpec> functions, Map<String, String> originOf) {
    List<String> clashes = new ArrayList<>();
    Map<String, FunctionSpec> byName = new LinkedHashMap<>();
    for (FunctionSpec function : functions) {
      FunctionSpec same = byName.putIfAbsent(function.name(), function);
      if (same != null) {
        clashes.add(
            "two functions are named '"
                + function.name()
                + "': "
                + where(same, originOf)
                + " and "
                + where(function, originOf)
                + ". Give one of them another name in its @ServerlessFunction.");
      }
    }
    FunctionIndex named =
        new FunctionIndex(FunctionIndex.FORMAT_VERSION, List.copyOf(byName.values()));
    for (String twice :
        SharedRoutes.in(
            named,
            (fn, h) ->
                "function '"
                    + fn.name()
                    + "' ("
                    + fn.className()
                    + "."
                    + h.method()
                    + ", in "
                    + originOf.get(fn.className())
                    + ")")) {
      // an item of the list the message makes: "Route ..." as "route ..."
      clashes.add(Character.toLowerCase(twice.charAt(0)) + twice.substring(1));
    }
    return clashes;
  }

  private static String where(FunctionSpec function, Map<String, String> originOf) {
    return function.className() + " (in " + originOf.get(function.className()) + ")";
  }
}
