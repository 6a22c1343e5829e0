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
            "# function 'other'",
            "gcloud functions deploy 'other' \\",
            "  --entry-point 'dev.anyfn.gcp.EventEntryPoint' \\",
            "  --set-env-vars 'ANYFN_FUNCTION=other'",
            "gcloud functions deploy 'hello' \\",
            "  --gen2 \\",
            "  --source \"$SOURCE\" \\",
            "  --entry-point 'dev.anyfn.gcp.HttpEntryPoint' \\",
            "  '--trigger-http' \\",
            "  --set-env-vars 'ANYFN_FUNCTION=hello' \\",
            "  --memory 512Mi",
            "gcloud functions deploy 'later' \\",
            "  --entry-point 'x.Y'");
    Deployment d = Deployment.fromDeployScript("anyfn", script, "hello", Path.of("a.jar"));
    assertThat(d.target()).isEqualTo("dev.anyfn.gcp.HttpEntryPoint");
    assertThat(d.environment()).isEqualTo(Map.of("ANYFN_FUNCTION", "hello"));
    assertThat(d.jar()).isEqualTo(Path.of("a.jar"));
  }

  @Test
  void singleQuotesAreUndoneAsBashDoes() {
    assertThat(Deployment.words("--set-env-vars 'A=it'\\''s' plain"))
        .containsExactly("--set-env-vars", "A=it's", "plain");
  }

  @Test
  void environmentWithACustomDelimiterIsSplitOnIt() {
    assertThat(
            Deployment.environment(
                "^|^ANYFN_FUNCTION=f|ANYFN_TRIGGER=STORAGE b [CREATED, DELETED]"))
        .containsExactly(
            Map.entry("ANYFN_FUNCTION", "f"),
            Map.entry("ANYFN_TRIGGER", "STORAGE b [CREATED, DELETED]"));
  }

  @Test
  void aMissingDeploymentIsNamedWithTheScript() throws Exception {
    Path script = script("gcloud functions deploy 'other' \\", "  --entry-point 'x.Y'");
    assertThatThrownBy(
            () -> Deployment.fromDeployScript("anyfn", script, "hello", Path.of("a.jar")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            script
                + " has no line 'gcloud functions deploy 'hello' \\'; expected the deploy.sh"
                + " anyfn:package writes.");
  }
}
