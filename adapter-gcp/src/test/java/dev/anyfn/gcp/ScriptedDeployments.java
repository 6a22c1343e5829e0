package dev.anyfn.gcp;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.PackagingContext;
import dev.anyfn.gcp.testing.DeployScriptRun;
import dev.anyfn.gcp.testing.GcloudDeploy;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The generated {@code deploy.sh} of this module's test functions, packaged by {@link GcpPackager}
 * and run against a fake {@code gcloud} that records its arguments ({@link DeployScriptRun}), so
 * tests see each command exactly as gcloud would receive it after the shell has done its quoting.
 */
final class ScriptedDeployments {
  private final Path outputDirectory;
  private final DeployScriptRun run;

  private ScriptedDeployments(Path outputDirectory, DeployScriptRun run) {
    this.outputDirectory = outputDirectory;
    this.run = run;
  }

  /** This module's own test index (not the core test-jar's). */
  static FunctionIndex testIndex() throws IOException {
    for (URL url :
        Collections.list(
            ScriptedDeployments.class.getClassLoader().getResources(FunctionIndex.RESOURCE))) {
      if (url.toString().contains("/test-classes/")) {
        try (InputStream in = url.openStream()) {
          return FunctionIndex.read(in, url.toString());
        }
      }
    }
    throw new IllegalStateException("No test-classes function index; is anyfn-processor set up?");
  }

  /**
   * Packages {@code index} into {@code dir} with {@code env} as the project's environment and runs
   * the script for project {@code demo-project} in the default region.
   */
  static ScriptedDeployments run(FunctionIndex index, Path dir, Map<String, String> env)
      throws Exception {
    return run(index, dir, env, Map.of());
  }

  /** As {@link #run(FunctionIndex, Path, Map)}, with more of the script's variables set. */
  static ScriptedDeployments run(
      FunctionIndex index, Path dir, Map<String, String> env, Map<String, String> variables)
      throws Exception {
    Path jar = dir.resolve("shop-gcp.jar");
    Files.write(jar, new byte[] {'P', 'K'});
    Path out = Files.createDirectories(dir.resolve("target/anyfn/gcp"));
    new GcpPackager().writeDescriptors(index, new PackagingContext(out, dir, "shop", jar, env));
    Map<String, String> all = new java.util.HashMap<>(variables);
    all.put("PROJECT", "demo-project");
    DeployScriptRun run = DeployScriptRun.run(out.resolve("deploy.sh"), dir, all);
    return new ScriptedDeployments(out, run);
  }

  Path outputDirectory() {
    return outputDirectory;
  }

  /** What the script printed. */
  String output() {
    return run.output();
  }

  /** Every gcloud invocation, in order. */
  List<List<String>> calls() {
    return run.calls();
  }

  /** The {@code gcloud functions deploy <name>} call. */
  GcloudDeploy deploy(String name) {
    return run.deployment(name);
  }

  /** The names of every function deployment. */
  List<String> deploymentNames() {
    return run.deploymentNames();
  }
}
