package dev.anyfn.gcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InvokerCommandTest {
  @TempDir Path dir;

  @Test
  void theInvokerRunsFromItsOwnJarWithPortTargetAndClasspath() throws Exception {
    Path jar = Files.write(dir.resolve("invoker.jar"), new byte[] {'P', 'K'});
    GcloudDeploy deploy =
        new GcloudDeploy(
            "web",
            List.of("--entry-point", "dev.anyfn.gcp.HttpEntryPoint", "--set-env-vars", "A=1"));
    InvokerCommand command = InvokerCommand.of(jar, ChildJvm.SMALL, deploy, "a.jar:b.jar");
    assertThat(command.arguments(8123))
        .containsExactly(
            "-Xmx192m",
            "-XX:TieredStopAtLevel=1",
            "-Xshare:auto",
            "-jar",
            jar.toString(),
            "--port",
            "8123",
            "--target",
            "dev.anyfn.gcp.HttpEntryPoint",
            "--classpath",
            "a.jar:b.jar");
    assertThat(command.environment()).isEqualTo(Map.of("A", "1"));
    assertThat(command.withVariable("B", "2").environment()).isEqualTo(Map.of("A", "1", "B", "2"));
    assertThat(command.environment()).isEqualTo(Map.of("A", "1"));
  }

  @Test
  void anInvokerJarThatIsNotAFileIsRefusedNamingIt() {
    Path missing = dir.resolve("missing.jar");
    assertThatThrownBy(() -> new InvokerCommand(missing, List.of(), "x.Y", "a.jar", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("The invoker jar " + missing + " is not a file;");
  }
}
