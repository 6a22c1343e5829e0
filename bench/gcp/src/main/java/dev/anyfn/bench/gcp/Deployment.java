package dev.anyfn.bench.gcp;

import dev.anyfn.gcp.testing.DeployScriptRun;
import dev.anyfn.gcp.testing.GcloudDeploy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the invoker is started with for one variant: a label, the entry point ({@code --target}),
 * the jar ({@code --classpath}) and the environment. Immutable.
 *
 * @param label how the report names the variant
 * @param target the entry point class
 * @param jar the deployed jar
 * @param environment what {@code --set-env-vars} sets
 */
record Deployment(String label, String target, Path jar, Map<String, String> environment) {

  Deployment {
    environment = Map.copyOf(environment);
  }

  /**
   * The deployment named {@code name} in a generated {@code deploy.sh}: its {@code --entry-point}
   * and {@code --set-env-vars} exactly as gcloud would receive them (the script is run by bash
   * against a recording stand-in gcloud, see {@link DeployScriptRun}), with the jar it uploads.
   *
   * @throws AssertionError when the script fails, has no such deployment or it lacks a flag
   */
  static Deployment fromDeployScript(String label, Path script, String name, Path jar)
      throws IOException, InterruptedException {
    Path work = Files.createTempDirectory("anyfn-gcp-bench-deploy-");
    try {
      GcloudDeploy deploy =
          DeployScriptRun.run(script, work, Map.of("PROJECT", "anyfn-bench")).deployment(name);
      return new Deployment(label, deploy.entryPoint(), jar, deploy.environment());
    } finally {
      deleteTree(work);
    }
  }

  static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
