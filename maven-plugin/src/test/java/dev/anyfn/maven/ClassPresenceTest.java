package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packagers ask whether a provider jar's dependencies hold a class, jars and class directories. */
class ClassPresenceTest {
  @TempDir Path dir;

  @Test
  void aClassIsFoundByItsEntryInADependencyJarOrClassDirectory() throws Exception {
    Path jar = dir.resolve("sqs.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("software/amazon/awssdk/services/sqs/SqsClient.class"));
      zip.closeEntry();
    }
    Path classes = dir.resolve("module/target/classes");
    Files.createDirectories(classes.resolve("com/example"));
    Files.writeString(classes.resolve("com/example/Tool.class"), "");

    ClassPresence present = new ClassPresence(List.of(jar, classes));

    assertThat(present.has("software.amazon.awssdk.services.sqs.SqsClient")).isTrue();
    assertThat(present.has("com.example.Tool")).isTrue();
    assertThat(present.has("software.amazon.awssdk.services.sns.SnsClient")).isFalse();
    assertThat(present.has("software.amazon.awssdk.services.sqs")).isFalse();
  }
}
