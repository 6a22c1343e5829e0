package dev.anyfn.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.anyfn.core.index.FunctionIndex;
import dev.anyfn.core.packaging.PackagingContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs the generated {@code deploy.sh} of this module's test functions against a fake {@code
 * gcloud} that records its arguments, so tests see each command exactly as gcloud would receive it
 * after the shell has done its quoting.
 */
final class ScriptedDeployments {
  private final Path outputDirectory;
  private final List<List<String>> calls;

  private ScriptedDeployments(Path outputDirectory, List<List<String>> calls) {
    this.outputDirectory = outputDirectory;
    this.calls = calls;
  }

  /** One {@code gcloud functions deploy} as gcloud received it. */
  record Deploy(String name, List<String> args) {
    /** The value of {@code --flag value} or {@code --flag=value}. */
    Optional<String> flag(String flag) {
      for (int i = 0; i < args.size(); i++) {
        if (args.get(i).equals(flag) && i + 1 < args.size()) {
          return Optional.of(args.get(i + 1));
        }
        if (args.get(i).startsWith(flag + "=")) {
          return Optional.of(args.get(i).substring(flag.length() + 1));
        }
      }
      return Optional.empty();
    }

    String entryPoint() {
      return flag("--entry-point").orElseThrow();
    }

    /** {@code --set-env-vars} parsed as gcloud does, including the {@code ^D^} delimiter form. */
    Map<String, String> environment() {
      String spec = flag("--set-env-vars").orElseThrow();
      String delimiter = ",";
      if (spec.startsWith("^")) {
        int end = spec.indexOf('^', 1);
        delimiter = spec.substring(1, end);
        spec = spec.substring(end + 1);
      }
      Map<String, String> env = new LinkedHashMap<>();
      for (String pair : spec.split(java.util.regex.Pattern.quote(delimiter))) {
        int eq = pair.indexOf('=');
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return env;
    }
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

  /** Packages {@code index} into {@code dir} and runs the script with a recording gcloud. */
  static ScriptedDeployments run(FunctionIndex index, Path dir, Map<String, String> env)
      throws Exception {
    Path jar = dir.resolve("shop-gcp.jar");
    Files.write(jar, new byte[] {'P', 'K'});
    Path out = Files.createDirectories(dir.resolve("target/anyfn/gcp"));
    new GcpPackager().writeDescriptors(index, new PackagingContext(out, dir, "shop", jar, env));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path log = dir.resolve("gcloud.log");
    Path gcloud = bin.resolve("gcloud");
    Files.writeString(
        gcloud,
        "#!/usr/bin/env bash\n"
            + "printf '%s\\037' \"$@\" >> \"$GCLOUD_LOG\"\n"
            + "printf '\\n' >> \"$GCLOUD_LOG\"\n"
            + "for a in \"$@\"; do [[ \"$a\" == describe ]] && exit 1; done\n"
            + "exit 0\n");
    assertThat(gcloud.toFile().setExecutable(true)).isTrue();
    ProcessBuilder pb =
        new ProcessBuilder("bash", out.resolve("deploy.sh").toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("deploy.out").toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("GCLOUD_LOG", log.toString());
    pb.environment().put("PROJECT", "demo-project");
    pb.environment().remove("REGION");
    Process p = pb.start();
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(dir.resolve("deploy.out"))).isZero();
    List<List<String>> calls = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      List<String> args = new ArrayList<>(Arrays.asList(line.split("\u001f", -1)));
      args.remove(args.size() - 1); // after the last separator
      calls.add(args);
    }
    return new ScriptedDeployments(out, calls);
  }

  Path outputDirectory() {
    return outputDirectory;
  }

  /** Every gcloud invocation, in order. */
  List<List<String>> calls() {
    return calls;
  }

  /** The {@code gcloud functions deploy <name>} call. */
  Deploy deploy(String name) {
    return calls.stream()
        .filter(c -> c.size() > 3 && c.subList(0, 3).equals(List.of("functions", "deploy", name)))
        .map(c -> new Deploy(name, c.subList(3, c.size())))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No deployment " + name + " in " + calls));
  }

  /** The names of every function deployment. */
  List<String> deploymentNames() {
    return calls.stream()
        .filter(c -> c.size() > 2 && c.subList(0, 2).equals(List.of("functions", "deploy")))
        .map(c -> c.get(2))
        .toList();
  }
}
