package dev.anyfn.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which packages the project's own classes and resources refer to, read from their bytes: a class
 * that uses a type of package {@code a.b} holds {@code a/b/} in its constant pool, one that names
 * it in a string (for reflection) holds {@code a.b.}, and so does a resource that names a class of
 * it ({@code META-INF/services}, a logging configuration). Nothing is loaded. A stray match only
 * keeps a library that could have been left out, the safe side.
 */
final class ClassReferences {
  private ClassReferences() {}

  /**
   * The packages of {@code packages} that a file under {@code classes} (the compiled classes and
   * the resources copied beside them) refers to, each with the first such file found (relative to
   * {@code classes}, with forward slashes).
   */
  static Map<String, String> referrers(Path classes, Set<String> packages) throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    if (packages.isEmpty() || !Files.isDirectory(classes)) {
      return found;
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      for (String pkg : packages) {
        if (!found.containsKey(pkg)
            && (contains(bytes, pkg.replace('.', '/') + "/") || contains(bytes, pkg + "."))) {
          found.put(pkg, classes.relativize(file).toString().replace('\\', '/'));
        }
      }
      if (found.size() == packages.size()) {
        break;
      }
    }
    return found;
  }

  /**
   * The packages of {@code packages} that a file of {@code classesOrJars} (classes directories and
   * jars) refers to, each with the first such file found: relative to its directory, or {@code
   * name.jar!/path} in a jar. A path that is neither is skipped.
   */
  static Map<String, String> referrers(List<Path> classesOrJars, Set<String> packages)
      throws IOException {
    Map<String, String> found = new LinkedHashMap<>();
    for (Path source : classesOrJars) {
      Set<String> left = new HashSet<>(packages);
      left.removeAll(found.keySet());
      if (left.isEmpty()) {
        break;
      }
      String prefix = Files.isDirectory(source) ? "" : source.getFileName() + "!/";
      readAsDirectory(source, root -> referrers(root, left))
          .forEach((pkg, file) -> found.put(pkg, prefix + file));
    }
    return found;
  }

  /** What {@code reading} finds in a classes directory, or a jar's files seen as one. */
  interface Reading<T> {
    T read(Path classes) throws IOException;
  }

  /**
   * Reads a classes directory as it is and a jar as a directory of its entries (a zip file system),
   * so that what reads the project's classes reads a dependency module's too; a path that is
   * neither is read as a missing directory.
   */
  static <T> T readAsDirectory(Path classesOrJar, Reading<T> reading) throws IOException {
    if (!Files.isRegularFile(classesOrJar)) {
      return reading.read(classesOrJar);
    }
    try (FileSystem jar = FileSystems.newFileSystem(classesOrJar)) {
      // "/." rather than "/": the same directory, but with a file name, which readers that look
      // at the name of each path they walk (JavaReleases) expect
      return reading.read(jar.getPath("/."));
    }
  }

  /**
   * The first class under {@code classes} (relative, with forward slashes) whose constant pool
   * names the class {@code owner} (an internal name, {@code dev/anyfn/Context}) and a member named
   * exactly {@code member}: one that calls it, as a rule. Empty when none does.
   */
  static Optional<String> firstNaming(Path classes, String owner, String member)
      throws IOException {
    if (!Files.isDirectory(classes)) {
      return Optional.empty();
    }
    byte[] ownerName = owner.getBytes(StandardCharsets.US_ASCII);
    byte[] name = member.getBytes(StandardCharsets.US_ASCII);
    // a CONSTANT_Utf8 entry: tag 1, the length in two bytes, the characters
    byte[] constant = new byte[name.length + 3];
    constant[0] = 1;
    constant[1] = (byte) (name.length >> 8);
    constant[2] = (byte) name.length;
    System.arraycopy(name, 0, constant, 3, name.length);
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(f -> f.toString().endsWith(".class")).sorted().toList();
    }
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      if (contains(bytes, ownerName) && contains(bytes, constant)) {
        return Optional.of(classes.relativize(file).toString().replace('\\', '/'));
      }
    }
    return Optional.empty();
  }

  private static boolean contains(byte[] bytes, String ascii) {
    return contains(bytes, ascii.getBytes(StandardCharsets.US_ASCII));
  }

  private static boolean contains(byte[] bytes, byte[] needle) {
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
