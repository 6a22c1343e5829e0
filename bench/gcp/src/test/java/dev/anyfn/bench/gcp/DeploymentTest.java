package dev.anyfn.bench.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the anyfn deployment out of a generated deploy.sh, as bash and gcloud would. */
class DeploymentTest {
  @TempDir Path dir;

  private Path script(String... lines) throws Exception {
    return Files.write(dir.resolve("deploy.sh"), List.of(lines));
  }

  @Test
  void entryPointAndEnvironmentComeFromTheNamedDeployment() throws Exception {
    Path script =
        script(
            "SOURCE=/tmp/source",
            "# function 'other'",
            "gcloud functions deploy 'other' \\",
            "  --entry-point 'dev.anyfn.gcp.EventEntryPoint' \\",
            "  --set-env-vars 'ANYFN_FUNCTION=other'",
            "gcloud functions deploy 'hello' \\",
            "  --gen2 \\",
            "  --source \"$SOURCE\" \\",
            "  --entry-point 'dev.anyfn.gcp.HttpEntryPoint' \\",
            "  '--trigger-http' \\",
            "  --set-env-vars '^|^ANYFN_FUNCTION=hello|GREETING=it'\\''s, hi' \\",
            "  --memory 512Mi",
            "gcloud functions deploy 'later' \\",
            "  --entry-point 'x.Y'");
    Deployment d = Deployment.fromDeployScript("anyfn", script, "hello", Path.of("a.jar"));
    assertThat(d.label()).isEqualTo("anyfn");
    assertThat(d.target()).isEqualTo("dev.anyfn.gcp.HttpEntryPoint");
    assertThat(d.environment())
        .isEqualTo(Map.of("ANYFN_FUNCTION", "hello", "GREETING", "it's, hi"));
    assertThat(d.jar()).isEqualTo(Path.of("a.jar"));
  }

  @Test
  void aMissingDeploymentIsNamedWithTheDeploymentsThereAre() throws Exception {
    Path script = script("gcloud functions deploy 'other' \\", "  --entry-point 'x.Y'");
    assertThatThrownBy(
            () -> Deployment.fromDeployScript("anyfn", script, "hello", Path.of("a.jar")))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "The script has no 'gcloud functions deploy hello'; it deploys [other]");
  }

  @Test
  void theScriptsWorkingFilesAreRemovedAfterReading() throws Exception {
    Path script = script("gcloud functions deploy 'hello' --entry-point x.Y --set-env-vars A=1");
    List<Path> before = leftovers();
    Deployment.fromDeployScript("anyfn", script, "hello", Path.of("a.jar"));
    assertThat(leftovers()).isEqualTo(before);
  }

  private static List<Path> leftovers() throws Exception {
    try (var files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("anyfn-gcp-bench-deploy-"))
          .sorted()
          .toList();
    }
  }
}
