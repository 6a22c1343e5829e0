package dev.anyfn.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which packages the project's own compiled classes refer to, read from the class files' bytes: a
 * class that uses a type of package {@code a.b} holds {@code a/b/} in its constant pool, and one
 * that names it in a string (for reflection) holds {@code a.b.}. Nothing is loaded. A stray match
 * only keeps a library that could have been left out, the safe side.
 */
final class ClassReferences {
  private ClassReferences() {}

  /** The packages of {@code packages} that no class file under {@code classes} refers to. */
  static Set<String> unreferenced(Path classes, Set<String> packages) throws IOException {
    Set<String> left = new LinkedHashSet<>(packages);
    if (left.isEmpty() || !Files.isDirectory(classes)) {
      return left;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(f -> f.toString().endsWith(".class")).toList();
    }
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      for (Iterator<String> it = left.iterator(); it.hasNext(); ) {
        String pkg = it.next();
        if (contains(bytes, pkg.replace('.', '/') + "/") || contains(bytes, pkg + ".")) {
          it.remove();
        }
      }
      if (left.isEmpty()) {
        break;
      }
    }
    return left;
  }

  private static boolean contains(byte[] bytes, String ascii) {
    byte[] needle = ascii.getBytes(StandardCharsets.US_ASCII);
    outer:
    for (int i = 0; i <= bytes.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
