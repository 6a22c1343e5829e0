package dev.anyfn.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;

/**
 * Whether a class is in one of a provider jar's dependencies (jars, or class directories of a
 * reactor build), by its entry name; nothing is loaded. Immutable.
 */
final class ClassPresence {
  private final List<Path> dependencies;

  ClassPresence(List<Path> dependencies) {
    this.dependencies = List.copyOf(dependencies);
  }

  /** Whether {@code binaryName} ({@code com.example.Foo}) is in a dependency. */
  boolean has(String binaryName) {
    String entry = binaryName.replace('.', '/') + ".class";
    for (Path dependency : dependencies) {
      if (Files.isDirectory(dependency)) {
        if (Files.isRegularFile(dependency.resolve(entry))) {
          return true;
        }
      } else if (Files.isRegularFile(dependency) && inJar(dependency, entry)) {
        return true;
      }
    }
    return false;
  }

  private static boolean inJar(Path jar, String entry) {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.getEntry(entry) != null;
    } catch (IOException e) {
      throw new UncheckedIOException("Reading " + jar + " failed: " + e.getMessage(), e);
    }
  }
}
