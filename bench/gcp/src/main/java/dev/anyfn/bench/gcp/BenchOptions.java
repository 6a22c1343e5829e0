package dev.anyfn.bench.gcp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line both mains share: {@code --name value} pairs naming the invoker jar, the two
 * deployments and the run's sizes. Immutable.
 */
final class BenchOptions {
  private final Map<String, String> options;

  private BenchOptions(Map<String, String> options) {
    this.options = Map.copyOf(options);
  }

  /**
   * Parses {@code --name value} pairs.
   *
   * @throws IllegalArgumentException when an argument is not part of such a pair
   */
  static BenchOptions parse(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException(
            "Expected '--name value' pairs, found '" + args[i] + "' in " + Arrays.toString(args));
      }
      options.put(args[i].substring(2), args[++i]);
    }
    return new BenchOptions(options);
  }

  /** {@code --invoker}: Google's invoker jar. */
  Path invokerJar() {
    return Path.of(required("invoker"));
  }

  /** The anyfn deployment {@code --function} as {@code --deploy-script} states it. */
  Deployment anyfn() throws IOException, InterruptedException {
    return Deployment.fromDeployScript(
        "anyfn",
        Path.of(required("deploy-script")),
        required("function"),
        Path.of(required("anyfn-jar")));
  }

  /** The hand-written {@code --baseline-target} in {@code --baseline-jar}, no environment. */
  Deployment baseline() {
    return new Deployment(
        "baseline", required("baseline-target"), Path.of(required("baseline-jar")), Map.of());
  }

  /** {@code --jvm-args}: extra arguments for the invoker JVMs, split on whitespace. */
  List<String> jvmArgs() {
    String value = options.getOrDefault("jvm-args", "").trim();
    return value.isEmpty() ? List.of() : Arrays.asList(value.split("\\s+"));
  }

  /**
   * A positive whole number, or {@code fallback} when absent.
   *
   * @throws IllegalArgumentException when present but not a positive whole number
   */
  int number(String name, int fallback) {
    String value = options.get(name);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "--" + name + " is '" + value + "'; expected a positive whole number.");
  }

  private String required(String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "Missing --" + name + "; bench/gcp/run.sh passes every required argument.");
    }
    return value;
  }
}
