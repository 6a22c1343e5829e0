package dev.anyfn.maven;

import dev.anyfn.core.index.FunctionIndex;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Jars as a function module's build leaves them, for the tests that read dependency modules. */
final class ModuleJars {
  private ModuleJars() {}

  /**
   * Writes {@code jar} holding one class file, {@code com/acme/Some.class}, with {@code classFile}
   * as its bytes, and {@code index} as its function index when it is not null.
   */
  static Path write(Path jar, byte[] classFile, String index) throws IOException {
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("com/acme/Some.class"));
      zip.write(classFile);
      zip.closeEntry();
      if (index != null) {
        zip.putNextEntry(new ZipEntry(FunctionIndex.RESOURCE));
        zip.write(index.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
