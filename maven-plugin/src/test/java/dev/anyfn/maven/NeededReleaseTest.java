package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NeededReleaseTest {
  private static final String INDEX = "{\"formatVersion\":1,\"functions\":[]}";

  @TempDir Path dir;

  @Test
  void aFunctionModuleCompiledForALaterJavaRaisesTheReleaseAndIsNamed() throws Exception {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("com/acme/app"));
    Files.write(classes.resolve("com/acme/app/Health.class"), classFile(17));
    ProjectFunctions.Source project = new ProjectFunctions.Source("target/classes", classes);
    Path functions = jar("order-functions-1.jar", classFile(25), INDEX);
    Path domain = jar("domain-1.jar", classFile(26), null);

    List<ProjectFunctions.Source> packaged =
        ProjectFunctions.packagedClasses(
            List.of(
                project,
                new ProjectFunctions.Source("com.acme:order-functions:jar:1", functions),
                new ProjectFunctions.Source("com.acme:domain:jar:1", domain)));
    NeededRelease needed = NeededRelease.of(packaged);

    assertThat(packaged)
        .extracting(ProjectFunctions.Source::origin)
        .containsExactly("target/classes", "com.acme:order-functions:jar:1");
    assertThat(needed.release()).isEqualTo(25);
    assertThat(needed.where(project))
        .isEqualTo(
            "\nThe classes compiled for Java 25 are those of com.acme:order-functions:jar:1:"
                + " change its <maven.compiler.release>, or the runtime, as said above.");
  }

  @Test
  void theProjectsOwnClassesAreCountedEvenWithoutFunctionsAndNeedNoNaming() throws Exception {
    Path classes = dir.resolve("classes");
    Files.createDirectories(classes.resolve("com/acme/app"));
    Files.write(classes.resolve("com/acme/app/Setup.class"), classFile(21));
    ProjectFunctions.Source project = new ProjectFunctions.Source("target/classes", classes);
    Path functions = jar("order-functions-1.jar", classFile(17), INDEX);

    NeededRelease needed =
        NeededRelease.of(
            ProjectFunctions.packagedClasses(
                List.of(
                    project,
                    new ProjectFunctions.Source("com.acme:order-functions:jar:1", functions))));

    assertThat(needed.release()).isEqualTo(21);
    assertThat(needed.where(project)).isEmpty();
  }

  /** The header of a class file compiled for {@code release}. */
  private static byte[] classFile(int release) {
    return new byte[] {
      (byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, (byte) (44 + release)
    };
  }

  private Path jar(String name, byte[] classFile, String index) throws IOException {
    return ModuleJars.write(dir.resolve(name), classFile, index);
  }
}
