package dev.anyfn.gcp.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeployScriptRunTest {
  @TempDir Path dir;

  private DeployScriptRun run(Map<String, String> variables, String... lines) throws Exception {
    Path script = Files.write(dir.resolve("deploy.sh"), List.of(lines));
    return DeployScriptRun.run(script, dir, variables);
  }

  @Test
  void callsAreRecordedAsGcloudReceivesThemAfterBashQuotingAndVariables() throws Exception {
    DeployScriptRun run =
        run(
            Map.of("PROJECT", "p-1"),
            "SOURCE=\"/tmp/with space/source\"",
            "gcloud functions deploy 'hello' \\",
            "  --project \"$PROJECT\" \\",
            "  --source \"$SOURCE\" \\",
            "  --set-env-vars 'A=it'\\''s' \\",
            "  --entry-point='dev.anyfn.gcp.HttpEntryPoint' \\",
            "  ''");
    assertThat(run.calls())
        .containsExactly(
            List.of(
                "functions",
                "deploy",
                "hello",
                "--project",
                "p-1",
                "--source",
                "/tmp/with space/source",
                "--set-env-vars",
                "A=it's",
                "--entry-point=dev.anyfn.gcp.HttpEntryPoint",
                ""));
    GcloudDeploy hello = run.deployment("hello");
    assertThat(hello.source()).isEqualTo(Path.of("/tmp/with space/source"));
    assertThat(hello.environment()).containsExactly(Map.entry("A", "it's"));
    assertThat(hello.entryPoint()).isEqualTo("dev.anyfn.gcp.HttpEntryPoint");
  }

  @Test
  void describeFindsNothingSoTheScriptCreatesAndEveryOtherCallSucceeds() throws Exception {
    DeployScriptRun run =
        run(
            Map.of(),
            "set -e",
            "if gcloud pubsub topics describe t; then gcloud found; else gcloud missing; fi",
            "gcloud pubsub topics create t");
    assertThat(run.calls())
        .containsExactly(
            List.of("pubsub", "topics", "describe", "t"),
            List.of("missing"),
            List.of("pubsub", "topics", "create", "t"));
  }

  @Test
  void theScriptSeesTheGivenVariablesOnTopOfTheCallersEnvironment() throws Exception {
    DeployScriptRun run =
        run(
            Map.of("PROJECT", "p", "REGION", "europe-west1"),
            "gcloud config \"$PROJECT\" \"$REGION\" \"${ALLOW_UNAUTHENTICATED:-unset}\" \"$HOME\"");
    assertThat(run.calls())
        .containsExactly(List.of("config", "p", "europe-west1", "unset", System.getenv("HOME")));
  }

  @Test
  void deploymentsAreListedInScriptOrderAndOtherCallsAreNotDeployments() throws Exception {
    DeployScriptRun run =
        run(
            Map.of(),
            "gcloud functions deploy b --entry-point x.B",
            "gcloud scheduler jobs create pubsub j",
            "gcloud functions deploy a --entry-point x.A",
            "gcloud functions describe a || true");
    assertThat(run.deploymentNames()).containsExactly("b", "a");
    assertThat(run.deployments())
        .containsExactly(
            new GcloudDeploy("b", List.of("--entry-point", "x.B")),
            new GcloudDeploy("a", List.of("--entry-point", "x.A")));
    assertThat(run.findDeployment("j")).isEmpty();
  }

  @Test
  void aMissingDeploymentIsAnAssertionErrorNamingTheDeploymentsThereAre() throws Exception {
    DeployScriptRun run = run(Map.of(), "gcloud functions deploy other --entry-point x.Y");
    assertThatThrownBy(() -> run.deployment("hello"))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith(
            "The script has no 'gcloud functions deploy hello'; it deploys [other] in the calls");
  }

  @Test
  void aFailingScriptIsAnAssertionErrorHoldingItsExitValueAndOutput() throws Exception {
    assertThatThrownBy(() -> run(Map.of(), "echo 'PROJECT is not set' >&2", "exit 3"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("deploy.sh exited with 3, expected 0:")
        .hasMessageContaining("PROJECT is not set");
  }
}
