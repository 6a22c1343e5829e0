package dev.anyfn.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JettyLoggingTest {
  @TempDir Path dir;

  @Test
  void aClassPathWithoutProviderOrBindingHasNoProvider() throws Exception {
    assertThat(JettyLogging.hasNoProvider(loaderOf(dir))).isTrue();
  }

  @Test
  void aServiceEntryForAProviderCounts() throws Exception {
    Path services = dir.resolve("META-INF/services/org.slf4j.spi.SLF4JServiceProvider");
    Files.createDirectories(services.getParent());
    Files.writeString(services, "ch.qos.logback.classic.spi.LogbackServiceProvider\n");

    assertThat(JettyLogging.hasNoProvider(loaderOf(dir))).isFalse();
  }

  @Test
  void anSlf4j1BindingCountsSoThatSlf4jCanStillSayItIgnoresIt() throws Exception {
    Path binder = dir.resolve("org/slf4j/impl/StaticLoggerBinder.class");
    Files.createDirectories(binder.getParent());
    Files.write(binder, new byte[] {(byte) 0xCA, (byte) 0xFE});

    assertThat(JettyLogging.hasNoProvider(loaderOf(dir))).isFalse();
  }

  @Test
  void anEmulatorStartedWithoutAnSlf4jProviderPrintsNoSlf4jWarningAndRestoresTheProperties()
      throws Exception {
    Process p = startInChildJvm(List.of());

    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(stdout + stderr).isZero();
    assertThat(stdout).contains("served 200", "properties after: null null");
    assertThat(stderr).doesNotContain("SLF4J");
  }

  @Test
  void aProviderNamedByTheUserIsLeftAlone() throws Exception {
    // an explicitly named provider that does not exist: SLF4J says so, so the user's choice was
    // read
    Process p = startInChildJvm(List.of("-Dslf4j.provider=com.example.MissingProvider"));

    String stderr = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(stdout + stderr).isZero();
    assertThat(stderr).contains("com.example.MissingProvider");
    assertThat(stdout).contains("properties after: com.example.MissingProvider null");
  }

  private static Process startInChildJvm(List<String> jvmOptions) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(QuietStart.class.getName());
    return new ProcessBuilder(command).start();
  }

  private static URLClassLoader loaderOf(Path root) throws Exception {
    return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
  }

  /** Starts an emulator of the fixtures, serves one request, stops. */
  static final class QuietStart {
    public static void main(String[] args) throws Exception {
      try (Harness h = Harness.start()) {
        System.out.println("served " + h.get("/hello").statusCode());
      }
      System.out.println(
          "properties after: "
              + System.getProperty(JettyLogging.PROVIDER_PROPERTY)
              + " "
              + System.getProperty(JettyLogging.VERBOSITY_PROPERTY));
    }
  }
}
