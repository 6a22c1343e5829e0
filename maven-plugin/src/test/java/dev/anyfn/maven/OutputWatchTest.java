package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputWatchTest {
  @TempDir Path dir;

  @Test
  void aRecompiledDependencyModuleOfAMultiModuleBuildIsSeenOnceSettled() throws Exception {
    Path app = Files.createDirectories(dir.resolve("functions-a/target/classes"));
    Path domain = Files.createDirectories(dir.resolve("domain/target/classes"));
    Files.writeString(app.resolve("A.class"), "a");
    Files.writeString(domain.resolve("Order.class"), "v1");
    OutputWatch watch = new OutputWatch(List.of(app, domain));

    Files.writeString(domain.resolve("Order.class"), "v2 of the record");

    assertThat(watch.settledChange()).as("still changing").isFalse();
    assertThat(watch.settledChange()).as("settled").isTrue();
    assertThat(watch.settledChange()).as("served").isFalse();
  }

  @Test
  void twoModulesWithAClassOfOneRelativeNameAreWatchedApart() throws Exception {
    Path a = Files.createDirectories(dir.resolve("a/target/classes"));
    Path b = Files.createDirectories(dir.resolve("b/target/classes"));
    Files.writeString(a.resolve("Same.class"), "a");
    OutputWatch watch = new OutputWatch(List.of(a, b));

    Files.writeString(b.resolve("Same.class"), "b");

    watch.settledChange();
    assertThat(watch.settledChange()).isTrue();
  }
}
