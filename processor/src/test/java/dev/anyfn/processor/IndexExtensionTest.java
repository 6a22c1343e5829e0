package dev.anyfn.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexExtensionTest {
  @TempDir static Path registration;

  @BeforeAll
  static void registerTestExtension() throws IOException {
    Path services = registration.resolve("META-INF/services");
    Files.createDirectories(services);
    Files.writeString(
        services.resolve("dev.anyfn.processor.spi.IndexExtension"),
        TestIndexExtension.class.getName() + "\n");
  }

  @Test
  void callsExtensionWithTheIndexAsWritten() {
    Compilation result =
        Compilation.compileWithProcessorPath(
            List.of(registration),
            """
            @ServerlessFunction
            public class Website {
              @Route("/")
              public String home() {
                return "home";
              }
            }
            """);

    String index = result.assertIndex();
    assertThat(result.output("extension/seen.json")).contains(index);
  }

  @Test
  void doesNotCallExtensionWhenCompilationFails() {
    Compilation result =
        Compilation.compileWithProcessorPath(
            List.of(registration),
            """
            @ServerlessFunction
            public class Empty {}
            """);

    assertThat(result.succeeded()).isFalse();
    assertThat(result.output("extension/seen.json")).isEmpty();
  }
}
