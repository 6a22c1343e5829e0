package dev.anyfn.core.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JavaReleasesTest {
  @TempDir Path classes;

  private void classFile(String name, int major) throws IOException {
    Path file = classes.resolve(name);
    Files.createDirectories(file.getParent());
    Files.write(
        file,
        new byte[] {
          (byte) 0xCA,
          (byte) 0xFE,
          (byte) 0xBA,
          (byte) 0xBE,
          0,
          0,
          (byte) (major >> 8),
          (byte) major
        });
  }

  @Test
  void theNewestClassFileVersionDecidesTheRelease() throws IOException {
    classFile("com/example/Old.class", 61); // Java 17
    classFile("com/example/deep/New.class", 69); // Java 25
    classFile("com/example/Mid.class", 65); // Java 21

    assertThat(JavaReleases.neededBy(classes)).isEqualTo(25);
  }

  @Test
  void classesForOlderJavaNeedTheMinimumAnyfnRunsOn() throws IOException {
    classFile("com/example/Legacy.class", 52); // Java 8
    Files.writeString(classes.resolve("notes.txt"), "not a class");

    assertThat(JavaReleases.neededBy(classes)).isEqualTo(JavaReleases.MINIMUM);
    assertThat(JavaReleases.neededBy(classes.resolve("absent"))).isEqualTo(JavaReleases.MINIMUM);
  }

  @Test
  void aResourceThatOnlyEndsInDotClassIsNotAClassFileAndDecidesNothing() throws IOException {
    Files.writeString(classes.resolve("fixtures.class"), "hello, world, and more bytes");
    Files.writeString(classes.resolve("tiny.class"), "hi");
    classFile("com/example/Mid.class", 65); // Java 21

    assertThat(JavaReleases.neededBy(classes)).isEqualTo(21);
  }
}
