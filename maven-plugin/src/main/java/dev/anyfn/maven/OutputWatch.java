package dev.anyfn.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Watches build output directories ({@code target/classes}, or those of every module of a
 * multi-module build) by polling: {@link #settledChange()} says when its files differ from those
 * last served and have not changed since the previous poll, so that a compile still writing classes
 * is not loaded half-done. Polling rather than a {@code WatchService}: it needs no registration of
 * each new subdirectory, and sees the same thing on every OS and file system.
 */
final class OutputWatch {
  private final List<Path> roots;
  private Map<Path, Stamp> served;
  private Map<Path, Stamp> lastSeen;

  /** A file as a poll saw it. */
  private record Stamp(long modifiedMillis, long size) {}

  /** Starts from the directory as it is now, which is taken as served. */
  OutputWatch(Path root) {
    this(List.of(root));
  }

  /** Starts from the directories as they are now, which are taken as served. */
  OutputWatch(List<Path> roots) {
    this.roots = List.copyOf(roots);
    this.served = snapshot();
    this.lastSeen = served;
  }

  /** The watched directory, or the directories separated by commas, for messages. */
  String root() {
    return String.join(", ", roots.stream().map(Path::toString).toList());
  }

  /**
   * Polls once. True when the files differ from the ones served and are the same as at the previous
   * poll; they then count as served. A directory that is missing counts as empty (a {@code mvn
   * clean} in progress), and settles like any other state.
   */
  boolean settledChange() {
    Map<Path, Stamp> now = snapshot();
    boolean settled = now != null && now.equals(lastSeen) && !now.equals(served);
    lastSeen = now;
    if (settled) {
      served = now;
    }
    return settled;
  }

  /** The files as they are now; null when a tree changed under the walk. */
  private Map<Path, Stamp> snapshot() {
    Map<Path, Stamp> files = new HashMap<>();
    for (Path root : roots) {
      if (!snapshot(root, files)) {
        return null;
      }
    }
    return files;
  }

  /** Adds the files under {@code root}; false when the tree changed under the walk. */
  private static boolean snapshot(Path root, Map<Path, Stamp> files) {
    if (!Files.isDirectory(root)) {
      return true;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      walk.forEach(
          p -> {
            try {
              BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
              if (a.isRegularFile()) {
                files.put(p, new Stamp(a.lastModifiedTime().toMillis(), a.size()));
              }
            } catch (NoSuchFileException e) {
              // deleted while walking: absent from this poll, seen settled at a later one
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (IOException | UncheckedIOException e) {
      return false; // the tree changed under the walk (a clean or a compile): not settled
    }
    return true;
  }
}
