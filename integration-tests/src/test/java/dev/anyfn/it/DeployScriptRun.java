package dev.anyfn.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The generated {@code deploy.sh}, run by bash against a stand-in {@code gcloud} that records its
 * arguments: each {@code gcloud functions deploy} is read exactly as gcloud would receive it, after
 * the shell's quoting and the script's variables.
 */
final class DeployScriptRun {
  private DeployScriptRun() {}

  /** One {@code gcloud functions deploy <name> <args...>}. */
  record Deployment(String name, List<String> args) {
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
      return required("--entry-point");
    }

    Path source() {
      return Path.of(required("--source"));
    }

    /** {@code --set-env-vars} split as gcloud splits it, including the {@code ^D^} form. */
    Map<String, String> environment() {
      String spec = required("--set-env-vars");
      String delimiter = ",";
      if (spec.startsWith("^")) {
        int end = spec.indexOf('^', 1);
        delimiter = spec.substring(1, end);
        spec = spec.substring(end + 1);
      }
      Map<String, String> env = new LinkedHashMap<>();
      for (String pair : spec.split(Pattern.quote(delimiter))) {
        int eq = pair.indexOf('=');
        env.put(pair.substring(0, eq), pair.substring(eq + 1));
      }
      return env;
    }

    private String required(String flag) {
      return flag(flag)
          .orElseThrow(
              () -> new AssertionError("deployment " + name + " has no " + flag + ": " + args));
    }
  }

  /** Runs {@code script} in {@code work} and returns its deployments by name, in script order. */
  static Map<String, Deployment> run(Path script, Path work)
      throws IOException, InterruptedException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path calls = work.resolve("gcloud-calls.log");
    Files.deleteIfExists(calls);
    Path gcloud = bin.resolve("gcloud");
    // one line per call, arguments separated by the unit separator; "describe" finds nothing
    Files.writeString(
        gcloud,
        "#!/usr/bin/env bash\n"
            + "printf '%s\\037' \"$@\" >> \"$GCLOUD_CALLS\"\n"
            + "printf '\\n' >> \"$GCLOUD_CALLS\"\n"
            + "for a in \"$@\"; do [[ \"$a\" == describe ]] && exit 1; done\n"
            + "exit 0\n");
    if (!gcloud.toFile().setExecutable(true)) {
      throw new IOException("Cannot make " + gcloud + " executable.");
    }
    Path out = work.resolve("deploy.out");
    ProcessBuilder pb =
        new ProcessBuilder("bash", script.toString())
            .redirectErrorStream(true)
            .redirectOutput(out.toFile());
    pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    pb.environment().put("GCLOUD_CALLS", calls.toString());
    pb.environment().put("PROJECT", "anyfn-it");
    pb.environment().put("REGION", "europe-west1");
    Process p = pb.start();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      p.destroyForcibly();
      throw new AssertionError(script + " failed:\n" + Files.readString(out));
    }
    Map<String, Deployment> deployments = new LinkedHashMap<>();
    for (String line : Files.readAllLines(calls, StandardCharsets.UTF_8)) {
      List<String> args = new ArrayList<>(Arrays.asList(line.split("\u001f", -1)));
      args.remove(args.size() - 1); // empty, after the last separator
      if (args.size() > 2 && args.get(0).equals("functions") && args.get(1).equals("deploy")) {
        deployments.put(args.get(2), new Deployment(args.get(2), args.subList(3, args.size())));
      }
    }
    return deployments;
  }
}
