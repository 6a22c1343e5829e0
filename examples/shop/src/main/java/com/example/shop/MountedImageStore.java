package com.example.shop;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Buckets mounted as directories: {@code <root>/<bucket>/<key>}. Every cloud can mount storage into
 * a function's file system (Lambda with EFS, Cloud Run functions with Cloud Storage volume mounts,
 * Azure Functions with Azure Files), so the function needs no cloud SDK.
 */
final class MountedImageStore implements ImageStore {
  private final Path root;

  MountedImageStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public Optional<byte[]> read(String bucket, String key) throws IOException {
    Path file = resolve(bucket, key);
    return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
  }

  @Override
  public void write(String bucket, String key, byte[] content) throws IOException {
    Path file = resolve(bucket, key);
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }

  private Path resolve(String bucket, String key) {
    Path file = root.resolve(bucket).resolve(key).normalize();
    // Keys come from uploads, that is from users: never let one escape the mounted directory.
    if (!file.startsWith(root.resolve(bucket))) {
      throw new IllegalArgumentException(
          "The object key '" + key + "' leaves the bucket directory; rejected.");
    }
    return file;
  }
}
