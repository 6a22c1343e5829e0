package dev.anyfn.core.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Java release a project's compiled classes need, read from their class file versions (Java
 * {@code n} writes major version {@code 44 + n}), so that each provider's descriptors name a Java
 * runtime that can load them: a class compiled for Java 25 fails on a Java 21 runtime with {@code
 * UnsupportedClassVersionError} at its first invocation, long after the deploy succeeded.
 */
public final class JavaReleases {
  /** The release anyfn itself is built for, and the answer for a directory without classes. */
  public static final int MINIMUM = 17;

  /** The newest Java of AWS Lambda's and Cloud Run functions' managed runtimes ({@code java25}). */
  public static final int NEWEST_MANAGED = 25;

  private static final int MAGIC = 0xCAFEBABE;

  private JavaReleases() {}

  /**
   * The managed runtime id, the same on AWS Lambda and Cloud Run functions, for classes that need
   * {@code release}: {@code java21} up to Java 21, {@code java25} above.
   */
  public static String managedRuntime(int release) {
    return release <= 21 ? "java21" : "java" + NEWEST_MANAGED;
  }

  /**
   * Why {@code platform} (for example {@code "AWS Lambda"}) has no managed runtime for classes that
   * need {@code release}; empty when it has one.
   */
  public static Optional<String> beyondManagedRuntimes(int release, String platform) {
    if (release <= NEWEST_MANAGED) {
      return Optional.empty();
    }
    return Optional.of(
        "the classes are compiled for Java "
            + release
            + ", but the newest Java runtime of "
            + platform
            + " is java"
            + NEWEST_MANAGED
            + ". Compile for Java "
            + NEWEST_MANAGED
            + " or lower (<maven.compiler.release>"
            + NEWEST_MANAGED
            + "</maven.compiler.release>).");
  }

  /**
   * The highest release any class file under {@code classes} needs, at least {@link #MINIMUM}.
   *
   * @throws IOException when the directory or a class file cannot be read
   */
  public static int neededBy(Path classes) throws IOException {
    int release = MINIMUM;
    if (!Files.isDirectory(classes)) {
      return release;
    }
    try (Stream<Path> files = Files.walk(classes)) {
      for (Iterator<Path> it = files.iterator(); it.hasNext(); ) {
        Path file = it.next();
        if (file.getFileName().toString().endsWith(".class") && Files.isRegularFile(file)) {
          release = Math.max(release, releaseOf(file));
        }
      }
    }
    return release;
  }

  /** The release one class file needs; {@link #MINIMUM} for a file that is not a class file. */
  static int releaseOf(Path classFile) throws IOException {
    byte[] head;
    try (InputStream in = Files.newInputStream(classFile)) {
      head = in.readNBytes(8);
    }
    ByteBuffer header = ByteBuffer.wrap(head);
    if (head.length < 8 || header.getInt(0) != MAGIC) {
      return MINIMUM; // a resource that only ends in .class: no class file version to obey
    }
    return (header.getShort(6) & 0xFFFF) - 44;
  }
}
