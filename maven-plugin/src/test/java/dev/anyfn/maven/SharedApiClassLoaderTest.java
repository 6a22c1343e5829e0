package dev.anyfn.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedApiClassLoaderTest {
  private final ClassLoader plugin = getClass().getClassLoader();
  private final SharedApiClassLoader shared = new SharedApiClassLoader(plugin);

  @Test
  void anyfnAndJacksonClassesAreTheVeryClassesOfThePlugin() throws Exception {
    assertThat(shared.loadClass("dev.anyfn.HttpRequest"))
        .isSameAs(plugin.loadClass("dev.anyfn.HttpRequest"));
    assertThat(shared.loadClass("com.fasterxml.jackson.annotation.JsonProperty"))
        .isSameAs(plugin.loadClass("com.fasterxml.jackson.annotation.JsonProperty"));
  }

  @Test
  void theJdkIsVisibleButNotTheRestOfThePluginsClassPath() throws Exception {
    assertThat(shared.loadClass("java.util.List")).isSameAs(java.util.List.class);
    assertThat(shared.loadClass("java.sql.Connection")).isNotNull();
    assertThatThrownBy(() -> shared.loadClass("org.eclipse.jetty.server.Server"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> shared.loadClass("org.assertj.core.api.Assertions"))
        .isInstanceOf(ClassNotFoundException.class);
  }

  @Test
  void aProjectClassInAnAnyfnPackageIsLoadedFromTheProject(@TempDir Path project) throws Exception {
    // Like the generated Azure entry classes: in an anyfn package, but only in the project.
    Path source = project.resolve("dev/anyfn/generated/azure/Probe.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package dev.anyfn.generated.azure; public class Probe implements dev.anyfn.Context"
            + " { public String requestId() { return \"probe\"; } public String functionName() {"
            + " return null; } public dev.anyfn.Provider provider() { return null; } public"
            + " java.time.Instant deadline() { return null; } public java.time.Duration"
            + " remainingTime() { return null; } public boolean coldStart() { return false; }"
            + " public java.util.Optional<String> traceId() { return null; } public"
            + " java.util.Optional<String> deploymentId() { return null; } public dev.anyfn.Log"
            + " log() { return null; } }");
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-cp",
                System.getProperty("java.class.path"),
                "-d",
                project.toString(),
                source.toString());
    assertThat(status).isZero();
    try (URLClassLoader loader =
        new URLClassLoader("project", new URL[] {project.toUri().toURL()}, shared)) {
      Class<?> probe = loader.loadClass("dev.anyfn.generated.azure.Probe");

      assertThat(probe.getClassLoader()).isSameAs(loader);
      assertThat(probe.getInterfaces()).containsExactly(plugin.loadClass("dev.anyfn.Context"));
    }
  }

  @Test
  void pluginResourcesOutsideTheSharedPackagesAreHidden() {
    assertThat(shared.getResource("META-INF/services/dev.anyfn.core.packaging.ProviderPackager"))
        .isNull();
    assertThat(shared.getResource("dev/anyfn/HttpRequest.class")).isNotNull();
  }
}
